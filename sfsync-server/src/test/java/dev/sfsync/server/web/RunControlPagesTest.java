package dev.sfsync.server.web;

import dev.sfsync.server.RunningServer;
import dev.sfsync.server.TestProject;
import dev.sfsync.server.auth.Role;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static dev.sfsync.server.TestProject.insertSync;
import static org.assertj.core.api.Assertions.assertThat;

/** The pages' controls of what runs: cancelling a run, pausing and resuming a schedule; operators may, viewers may not. */
class RunControlPagesTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefaultOrg();

    @TempDir
    Path directory;

    private TestProject project;
    private RunningServer server;

    @BeforeEach
    void start() {
        project = new TestProject(directory, org);
        server = new RunningServer(project, project.config("syncs:\n" + insertSync("accounts", "accounts", "Account", "Name", "parallelism: 1")
                + "    schedule: {every: 15m}\n" + insertSync("contacts", "contacts", "Contact", "LastName", "")
                + "sequences:\n  nightly: {schedule: {every: 1h}, syncs: [accounts, contacts]}\n").read());
        server.token("otto", Role.OPERATOR);
        server.token("vera", Role.VIEWER);
    }

    @AfterEach
    void stop() {
        server.close();
        project.close();
    }

    @Test
    void an_operator_cancels_a_running_run_from_its_page_and_a_viewer_neither_sees_the_button_nor_may_post_it() throws Exception {
        project.sql("insert into accounts select 'M' || i, 'Many ' || i from range(1500) t(i)");
        org.faults().set("latency: [{api: rest, path: 'composite/sobjects', fixedMillis: 300}]");
        UiBrowser otto = new UiBrowser(server).logIn("otto");
        UiBrowser vera = new UiBrowser(server).logIn("vera");
        String runPage = otto.postWithToken("/ui/syncs/accounts/run").headers().firstValue("Location").orElseThrow();
        String run = runPage.substring(runPage.lastIndexOf('/') + 1);
        while (org.records("Account").isEmpty()) {
            Thread.sleep(20);
        }

        assertThat(otto.get(runPage).body()).contains("action=\"/ui/runs/" + run + "/cancel\"", "Cancel run");
        assertThat(otto.get("/ui/runs").body()).contains("action=\"/ui/runs/" + run + "/cancel\"");
        assertThat(vera.get(runPage).body()).contains("id=\"run-status\">running<").doesNotContain("/cancel\"");
        assertThat(vera.get("/ui/runs").body()).doesNotContain("/cancel\"");
        HttpResponse<String> refused = vera.postWithToken(runPage + "/cancel");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("needs the operator role");
        assertThat(otto.post(runPage + "/cancel", "").statusCode()).as("without the CSRF token").isEqualTo(403);

        HttpResponse<String> cancelled = otto.postWithToken(runPage + "/cancel");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(303);
        String body = otto.get(runPage).body();
        for (int i = 0; i < 600 && body.contains("id=\"run-status\">running<"); i++) {
            assertThat(body).contains("Cancel requested by otto (ui)");
            Thread.sleep(100);
            body = otto.get(runPage).body();
        }
        assertThat(body).contains("id=\"run-status\">cancelled<", "cancelled by otto (ui)").doesNotContain("/cancel\"");
        assertThat(org.records("Account").size()).isBetween(1, 1_400);
        HttpResponse<String> again = otto.postWithToken(runPage + "/cancel");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("already ended (cancelled)", "sfsync runs show " + run).doesNotContain("Exception");
    }

    @Test
    void an_operator_pauses_and_resumes_a_schedule_from_the_pages_and_the_api_and_everyone_sees_who_paused_it() {
        UiBrowser otto = new UiBrowser(server).logIn("otto");
        UiBrowser vera = new UiBrowser(server).logIn("vera");
        assertThat(otto.get("/ui/syncs").body()).contains("action=\"/ui/syncs/accounts/pause\"", "action=\"/ui/sequences/nightly/pause\"")
                .doesNotContain("action=\"/ui/syncs/contacts/pause\"");

        HttpResponse<String> paused = otto.post("/ui/syncs/accounts/pause", "_csrf=" + UiBrowser.enc(otto.csrf()) + "&back=/ui/syncs/accounts");
        assertThat(paused.statusCode()).as(paused.body()).isEqualTo(303);
        assertThat(paused.headers().firstValue("Location").orElseThrow()).startsWith("/ui/syncs/accounts?notice=");
        assertThat(otto.get("/ui/syncs/accounts").body()).contains("Paused by otto at", "action=\"/ui/syncs/accounts/resume\"");
        assertThat(vera.get("/ui/syncs").body()).contains("data-paused=\"accounts\"", "Paused by otto at").doesNotContain("/pause\"", "/resume\"");
        HttpResponse<String> refused = vera.postWithToken("/ui/syncs/accounts/resume");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("needs the operator role");
        assertThat(otto.post("/ui/sequences/nightly/pause", "").statusCode()).as("without the CSRF token").isEqualTo(403);
        assertThat(otto.postWithToken("/ui/sequences/nightly/pause").statusCode()).isEqualTo(303);
        assertThat(otto.get("/ui/syncs").body()).contains("data-paused=\"nightly\"", "action=\"/ui/sequences/nightly/resume\"");
        HttpResponse<String> manual = otto.postWithToken("/ui/syncs/contacts/pause");
        assertThat(manual.statusCode()).isEqualTo(409);
        assertThat(manual.body()).contains("has no schedule to pause", "give it a schedule in sfsync.yaml");

        String token = server.token("olga", Role.OPERATOR);
        assertThat(server.get("/api/v1/syncs/accounts", token).json().path("paused").path("paused_by").asText()).isEqualTo("otto");
        RunningServer.Answer resumed = server.post("/api/v1/syncs/accounts/resume", token);
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
        assertThat(resumed.json().path("paused").isNull()).isTrue();
        assertThat(otto.get("/ui/syncs/accounts").body()).doesNotContain("Paused by").contains("action=\"/ui/syncs/accounts/pause\"");
        RunningServer.Answer again = server.post("/api/v1/syncs/accounts/pause", token);
        assertThat(again.json().path("paused").path("paused_by").asText()).isEqualTo("olga");
        assertThat(server.post("/api/v1/sequences/nightly/resume", token).status()).isEqualTo(200);
        assertThat(server.get("/api/v1/sequences", token).body()).doesNotContain("paused_by");
        RunningServer.Answer noSchedule = server.post("/api/v1/syncs/contacts/pause", token);
        assertThat(noSchedule.status()).isEqualTo(409);
        assertThat(noSchedule.json().path("fix").asText()).contains("schedule: {every: 15m}");
        assertThat(server.post("/api/v1/syncs/accounts/pause", server.token("vic", Role.VIEWER)).status()).isEqualTo(403);
    }
}
