package dev.sfsync.server.web;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI in a real browser (the system's Chromium, one for the class), against {@code sfsync serve} on the
 * emulator: what a user clicks, sees and downloads, and what each role may not do. Screenshots of the pages go to
 * target/screenshots.
 */
class WebUiBrowserTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefaultOrg();

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String SYNC = """
            syncs:
              accounts:
                model: accounts
                object: Account
                mode: insert
                insert_without_key: at_least_once
                batch_size: 1
                mappings: [{from: name, to: Name}]
              bulk_accounts:
                model: accounts
                object: Account
                mode: insert
                api: bulk2
                insert_without_key: at_least_once
                mappings: [{from: name, to: Name}]
            """;

    private static SystemChromium chromium;

    @TempDir
    Path directory;

    private ServedProject served;
    private BrowserContext context;

    @BeforeAll
    static void launch() {
        chromium = SystemChromium.launch();
    }

    @AfterAll
    static void quit() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
        if (served != null) {
            served.close();
        }
    }

    private Page logIn(String user) {
        served = served != null ? served : new ServedProject(directory, org, SYNC);
        context = chromium.browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setAcceptDownloads(true)
                .setViewportSize(1280, 900));
        context.setDefaultTimeout(20_000);
        Page page = context.newPage();
        page.navigate(served.url("/ui"));
        assertThat(page).hasURL(Pattern.compile("/ui/login"));
        page.getByLabel("User name").fill(user);
        page.getByLabel("Password").fill(ServedProject.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Connections"))).isVisible();
        return page;
    }

    private static Locator card(Page page) {
        return page.locator("section.connection[data-connection=org]");
    }

    private static void shoot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** Salesforce's (the emulator's) login and "Allow Access?" page, then back on the cards. */
    private static void allowAccess(Page page) {
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Allow Access?"))).isVisible();
        page.getByLabel("Username").fill(org.username());
        page.getByLabel("Password").fill(org.password());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Allow")).click();
        assertThat(page).hasURL(Pattern.compile("/ui/connections"));
    }

    @Test
    void an_admin_connects_watches_a_run_finds_a_failed_rows_call_downloads_the_errors_and_disconnects() throws Exception {
        Page page = logIn("ada");
        assertThat(card(page).locator(".badge")).hasText("Never connected");
        assertThat(page.locator(".orgs")).containsText("org");

        card(page).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Connect")).click();
        allowAccess(page);
        assertThat(card(page).locator(".badge")).hasText("Connected");
        assertThat(card(page)).containsText(org.username());
        assertThat(card(page).locator("meter")).isVisible();
        shoot(page, "connections");

        // The refresh token revoked and the access token expired at Salesforce: only a person can log in again.
        org.expireAccessTokens();
        org.admin("POST", "/__admin/tokens/revoke", "{\"username\": \"" + org.username() + "\"}");
        card(page).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Check now")).click();
        assertThat(card(page).locator(".badge")).hasText("Token expired");
        assertThat(card(page).locator(".fix")).containsText("reconnect");
        shoot(page, "connections-token-expired");

        card(page).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reconnect")).click();
        allowAccess(page);
        assertThat(card(page).locator(".badge")).hasText("Connected");

        // A slow org (3 s a call, so the run lasts several of the page's 1 s polls even on a busy machine), so the
        // debugger is seen filling in while the run goes on; one row fails at Salesforce.
        served.project.sql("insert into accounts select 'B' || i, 'Busy ' || i from range(3) t(i)");
        org.faults().set("latency: [{api: rest, fixedMillis: 3000, jitterMillis: 0}]");
        org.faults().failNextRecords("FIELD_CUSTOM_VALIDATION_EXCEPTION", 1);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Syncs").setExact(true)).click();
        assertThat(page.locator("tr[data-sync=accounts]")).containsText("no runs yet");
        shoot(page, "syncs-empty");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run accounts now")).click();

        assertThat(page.locator("#run-status")).hasText("running");
        // The calls arrive by server-sent events while the run goes on (the page polls only when the stream fails).
        assertThat(page.locator("#calls")).hasAttribute("data-live", "open");
        // The first call (the describe) answers after the org's 3 s: more than an assertion's default wait on a busy machine.
        assertThat(page.locator("#calls tr[data-call]").first()).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                .setTimeout(20_000));
        assertThat(page.locator("#run-status")).hasText("running");
        int seenWhileRunning = page.locator("#calls tr[data-call]").count();
        assertThat(page.locator("#run-status")).hasText("partial", new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions()
                .setTimeout(60_000));
        assertThat(page.locator("#calls tr[data-call]").count()).isGreaterThan(seenWhileRunning);
        assertThat(page.locator(".code[data-code=FIELD_CUSTOM_VALIDATION_EXCEPTION]")).containsText("Fix:");
        // A write call's bodies open in place: the records sent and Salesforce's answer, the token nowhere.
        Locator write = page.locator("#calls tr[data-call]").filter(new Locator.FilterOptions().setHasText("composite/sobjects")).first();
        write.locator("details.call-bodies summary").click();
        assertThat(write.locator("pre.request-body")).containsText("\"records\":[{\"attributes\":{\"type\":\"Account\"},\"Name\":\"");
        assertThat(write.locator("pre.response-body")).containsText("\"success\"");
        assertThat(page.locator("body")).not().containsText("Bearer");
        shoot(page, "run");
        org.faults().clear();

        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download CSV")).click());
        String csv = Files.readString(download.path());
        assertThat(csv).startsWith("KEY,OUTCOME,ERROR_CODE,ERROR,FIELDS,ATTEMPT").contains(",failed,FIELD_CUSTOM_VALIDATION_EXCEPTION,");
        assertThat(csv.lines()).hasSize(2);

        page.locator("table.failed-rows tbody th a").first().click();
        assertThat(page.locator("#row-code")).hasText("FIELD_CUSTOM_VALIDATION_EXCEPTION");
        assertThat(page.locator("#carrier")).containsText("POST");
        assertThat(page.locator("#carrier")).containsText("composite/sobjects");
        assertThat(page.locator("pre.response-body")).containsText("FIELD_CUSTOM_VALIDATION_EXCEPTION");
        shoot(page, "failed-row");

        // A row Salesforce failed in a Bulk 2.0 job: its call is the read of the job's failed results, and the upload is named.
        org.faults().failNextRecords("FIELD_CUSTOM_VALIDATION_EXCEPTION", 1);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Syncs").setExact(true)).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run bulk_accounts now")).click();
        assertThat(page.locator("#run-status")).hasText("partial", new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions()
                .setTimeout(60_000));
        page.locator("table.failed-rows tbody th a").first().click();
        assertThat(page.locator("#row-code")).hasText("FIELD_CUSTOM_VALIDATION_EXCEPTION");
        assertThat(page.locator("#carrier")).containsText("GET");
        assertThat(page.locator("#carrier")).containsText("/failedResults/");
        assertThat(page.locator("pre.response-body")).containsText("FIELD_CUSTOM_VALIDATION_EXCEPTION");
        assertThat(page.locator("#upload")).containsText("PUT");
        assertThat(page.locator("#upload")).containsText("/batches");
        shoot(page, "failed-bulk-row");
        org.faults().clear();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Charts")).click();
        assertThat(page.locator("#chart-outcomes canvas")).isVisible();
        assertThat(page.locator("#chart-calls canvas")).isVisible();
        shoot(page, "charts");

        page.navigate(served.url("/ui/syncs/accounts"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Show each field's type and access from the org's describe")).click();
        assertThat(page.locator("td[data-access]")).hasText("create and update");
        shoot(page, "sync");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Syncs").setExact(true)).click();
        assertThat(page.locator("tr[data-sync=accounts] .counts")).hasText("5 created · 0 updated · 1 failed");
        page.setViewportSize(390, 844);
        shoot(page, "syncs-phone");
        page.setViewportSize(1280, 900);

        String accessToken = served.project.store().connections().find("org").orElseThrow().secrets().accessToken();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Connections")).click();
        card(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Disconnect")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Disconnect now")).click();
        assertThat(card(page).locator(".badge")).hasText("Disconnected");
        assertThat(page.locator(".notice")).containsText("Salesforce revoked its tokens");
        assertThat(org.host().sessions().session(accessToken)).as("the emulator refuses the token").isEmpty();
    }

    @Test
    void operators_and_viewers_see_no_button_they_may_not_use_and_their_requests_are_refused() {
        Page operator = logIn("otto");
        assertThat(card(operator).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Check now"))).isVisible();
        assertThat(card(operator).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Connect"))).hasCount(0);
        assertThat(operator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Users"))).hasCount(0);
        assertThat(refused(operator, "/ui/connections/org/connect")).isEqualTo(403);
        assertThat(refused(operator, "/ui/alerts/none/test")).isEqualTo(403);
        operator.navigate(served.url("/ui/users"));
        assertThat(operator.locator(".problem")).containsText("needs the admin role");
        assertThat(operator.content()).doesNotContain("Exception").doesNotContain("at dev.sfsync");
        context.close();

        Page viewer = logIn("vera");
        assertThat(card(viewer).getByRole(AriaRole.BUTTON)).hasCount(0);
        viewer.navigate(served.url("/ui/syncs"));
        assertThat(viewer.locator("tr[data-sync=accounts]")).isVisible();
        assertThat(viewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run accounts now"))).hasCount(0);
        shoot(viewer, "syncs-viewer");
        assertThat(refused(viewer, "/ui/syncs/accounts/run")).isEqualTo(403);
        assertThat(refused(viewer, "/api/v1/syncs/accounts/runs")).isEqualTo(403);
        assertThat(served.project.store().runs().recent(10)).as("nothing ran").isEmpty();

        APIResponse withoutToken = viewer.request().post(served.url("/ui/tokens"), RequestOptions.create().setForm(
                com.microsoft.playwright.options.FormData.create().set("description", "x")));
        assertThat(withoutToken.status()).as("a form without the session's CSRF token").isEqualTo(403);
    }

    /** The status of a POST made with the user's own session and CSRF token: what a hand-made request gets. */
    private static int refused(Page page, String path) {
        String csrf = page.locator("form.who input[name=_csrf]").inputValue();
        return page.request().post(page.url().replaceAll("(https?://[^/]+).*", "$1") + path, RequestOptions.create()
                .setHeader("X-CSRF-Token", csrf).setData("{}")).status();
    }
}
