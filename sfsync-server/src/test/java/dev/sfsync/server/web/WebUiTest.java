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
import static dev.sfsync.server.web.UiBrowser.enc;
import static org.assertj.core.api.Assertions.assertThat;

/** The pages over plain HTTP, without a browser: what they render, what they refuse, and that errors are pages with a fix. */
class WebUiTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefaultOrg();

    @TempDir
    Path directory;

    private TestProject project;
    private RunningServer server;

    @BeforeEach
    void start() {
        project = new TestProject(directory, org);
        server = new RunningServer(project, project.config("syncs:\n" + insertSync("accounts", "accounts", "Account", "Name", "")).read());
        server.token("ada", Role.ADMIN);
        server.token("vera", Role.VIEWER);
    }

    @AfterEach
    void stop() {
        server.close();
        project.close();
    }

    @Test
    void pages_ask_for_a_login_first_and_a_wrong_password_is_told_without_saying_which_part_was_wrong() {
        UiBrowser anonymous = new UiBrowser(server);
        assertThat(anonymous.get("/ui/runs?sync=accounts").headers().firstValue("Location")).contains("/ui/login?next=%2Fui%2Fruns%3Fsync%3Daccounts");
        HttpResponse<String> wrong = anonymous.post("/ui/login", "name=ada&password=nope&next=/ui/runs");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Wrong user name or password");
        HttpResponse<String> elsewhere = new UiBrowser(server).post("/ui/login", "name=ada&password=" + enc("correct horse battery staple")
                + "&next=//evil.example/ui");
        assertThat(elsewhere.headers().firstValue("Location")).contains("/ui/connections");
    }

    @Test
    void every_page_renders_for_an_admin_with_its_empty_state_and_the_assets_come_from_the_jar() {
        UiBrowser ada = new UiBrowser(server).logIn("ada");
        assertThat(ada.get("/ui/connections").body()).contains("data-state=\"Never connected\"", "sfsync connect org", ">Connect</button>");
        assertThat(ada.get("/ui/syncs").body()).contains("accounts → Account", "no runs yet — Run now", "aria-label=\"Run accounts now\"");
        assertThat(ada.get("/ui/syncs/accounts").body()).contains("<code>name</code>", "<code>Name</code>");
        assertThat(ada.get("/ui/runs").body()).contains("No runs yet — Run now.");
        assertThat(ada.get("/ui/charts").body()).contains("No finished runs yet", "/ui/assets/uplot.min.js");
        assertThat(ada.get("/ui/alerts").body()).contains("No alert destinations.");
        assertThat(ada.get("/ui/users").body()).contains("data-user=\"ada\"", "data-user=\"vera\"");
        for (String asset : new String[] {"htmx.min.js", "htmx-sse.js", "uplot.min.js", "uplot.min.css", "app.css", "app.js"}) {
            HttpResponse<String> file = ada.get("/ui/assets/" + asset);
            assertThat(file.statusCode()).as(asset).isEqualTo(200);
            assertThat(file.body()).as(asset).hasSizeGreaterThan(500);
        }
    }

    @Test
    void a_run_started_on_the_page_is_shown_with_its_rejected_rows_and_the_errors_csv() throws Exception {
        project.sql("insert into accounts select 'L' || i, repeat('x', 300) from range(2) t(i)");
        UiBrowser ada = new UiBrowser(server).logIn("ada");
        HttpResponse<String> started = ada.postWithToken("/ui/syncs/accounts/run");
        assertThat(started.statusCode()).isEqualTo(303);
        String runPage = started.headers().firstValue("Location").orElseThrow();
        String body = ada.get(runPage).body();
        for (int i = 0; i < 300 && body.contains("id=\"run-status\">running<"); i++) {
            Thread.sleep(100);
            body = ada.get(runPage).body();
        }
        assertThat(body).contains("id=\"run-status\">partial<", "data-code=\"STRING_TOO_LONG\"", "Fix:", "data-row=\"0\"", "data-call=\"1\"");
        HttpResponse<String> csv = ada.get(runPage + "/rows.csv");
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.body().lines()).hasSize(3).first().isEqualTo("KEY,OUTCOME,ERROR_CODE,ERROR,FIELDS,ATTEMPT");
        assertThat(ada.get(runPage + "/rows?q=L1").body()).contains(">L1<").doesNotContain(">L0<");
        assertThat(ada.get(runPage + "/rows/0").body()).contains("id=\"row-code\">STRING_TOO_LONG<", "cost no API call");
    }

    @Test
    void a_runs_call_bodies_are_kept_and_shown_with_every_token_redacted() throws Exception {
        UiBrowser ada = new UiBrowser(server).logIn("ada");
        String runPage = ada.postWithToken("/ui/syncs/accounts/run").headers().firstValue("Location").orElseThrow();
        for (int i = 0; i < 300 && ada.get(runPage).body().contains("id=\"run-status\">running<"); i++) {
            Thread.sleep(100);
        }
        dev.sfsync.core.RunId run = dev.sfsync.core.RunId.of(runPage.substring(runPage.lastIndexOf('/') + 1));
        var store = project.store();
        var calls = store.apiLog().entries(run, 0);
        var login = calls.stream().filter(c -> c.call().url().contains("/oauth2/token")).findFirst()
                .orElseThrow(() -> new AssertionError("no token call among " + calls));
        var create = calls.stream().filter(c -> c.call().url().contains("/composite/sobjects")).findFirst().orElseThrow();

        // In the store: the login's bodies with the password, client secret and token masked by name, and no secret
        // (nor anything shaped like a session id, 00D…!…) in any body of the run.
        dev.sfsync.store.CallBodies token = store.apiLog().bodies(run, login.seq());
        assertThat(token.request()).contains("client_secret=[REDACTED]", "password=[REDACTED]");
        assertThat(token.response()).contains("\"access_token\":\"[REDACTED]\"");
        assertThat(store.apiLog().bodies(run, create.seq()).request()).contains("\"Name\":\"Account 0\"");
        // The password ("emulator") is masked where it stands alone, not inside the user name (admin@sfsync.emulator).
        assertThat(token.request()).contains("username=admin%40sfsync.emulator");
        String alone = "(?<![\\w@.%+/-])" + java.util.regex.Pattern.quote(org.password()) + "(?![\\w@%+/-])";
        for (var call : calls) {
            dev.sfsync.store.CallBodies bodies = store.apiLog().bodies(run, call.seq());
            assertThat(String.valueOf(bodies.request()) + bodies.response()).doesNotContain(org.clientSecret()).doesNotContainPattern(alone)
                    .doesNotContainPattern("00D\\w{12,15}![\\w.]{20,}");
        }

        // On the page: the call opens with its bodies (as a fragment for the debugger, as a page without JavaScript).
        String page = ada.get(runPage + "/calls/" + login.seq()).body();
        assertThat(page).contains("client_secret=[REDACTED]", "\"access_token\":\"[REDACTED]\"", "class=\"request-body\"", "admin%40sfsync.emulator")
                .doesNotContain(org.clientSecret()).doesNotContainPattern(alone).doesNotContainPattern("00D\\w{12,15}![\\w.]{20,}");
        assertThat(ada.get(runPage).body()).contains("hx-get=\"" + runPage + "/calls/" + create.seq() + "\"");
        assertThat(ada.get(runPage + "/calls/999999").statusCode()).isEqualTo(404);
    }

    @Test
    void a_running_runs_calls_stream_as_server_sent_events_until_it_ends_and_a_reconnect_resumes_after_the_last_one() throws Exception {
        project.sql("insert into accounts select 'S' || i, 'Streamed ' || i from range(3) t(i)");
        // Slow answers keep the run going while the stream is read.
        org.faults().set("latency: [{api: rest, fixedMillis: 700, jitterMillis: 0}]");
        UiBrowser ada = new UiBrowser(server).logIn("ada");
        String runPage = ada.postWithToken("/ui/syncs/accounts/run").headers().firstValue("Location").orElseThrow();
        assertThat(ada.get(runPage).body()).contains("sse-connect=\"" + runPage + "/live?after=");

        HttpResponse<java.util.stream.Stream<String>> stream = ada.events(runPage + "/live?after=0", null);
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(stream.headers().firstValue("Content-Encoding")).as("events are sent as they come, not held by a compressor").isEmpty();
        // The stream ends by itself once the run ended: reading every line returns.
        java.util.List<java.util.Map<String, String>> events = events(stream.body().toList());
        org.faults().clear();

        assertThat(events).isNotEmpty();
        assertThat(events.getLast()).containsEntry("event", "end");
        assertThat(events.getLast().get("data")).startsWith("the run ended");
        java.util.List<java.util.Map<String, String>> calls = events.subList(0, events.size() - 1);
        long logged = project.store().apiLog().count(dev.sfsync.core.RunId.of(runPage.substring(runPage.lastIndexOf('/') + 1)));
        assertThat(calls).hasSize((int) logged).allSatisfy(e -> assertThat(e).containsEntry("event", "call"));
        for (int i = 0; i < calls.size(); i++) {
            assertThat(calls.get(i)).containsEntry("id", String.valueOf(i + 1));
            assertThat(calls.get(i).get("data")).startsWith("<tr id=\"call-" + (i + 1) + "\"").contains("data-call=\"" + (i + 1) + "\"");
        }
        assertThat(calls.stream().map(e -> e.get("data"))).anySatisfy(row -> assertThat(row).contains("composite/sobjects"));

        // A browser reconnecting says the last row it has: the stream goes on from the next one.
        java.util.List<java.util.Map<String, String>> resumed = events(ada.events(runPage + "/live?after=0", "2").body().toList());
        assertThat(resumed.getFirst()).containsEntry("id", "3");
        assertThat(resumed).hasSize(calls.size() - 2 + 1);
        // Like the pages: no stream without a login.
        assertThat(new UiBrowser(server).events(runPage + "/live", null).statusCode()).isBetween(301, 303);
    }

    @Test
    void a_live_stream_ends_once_its_viewer_logs_out_while_the_run_goes_on() throws Exception {
        project.sql("insert into accounts select 'S' || i, 'Streamed ' || i from range(5000) t(i)");
        org.faults().set("latency: [{api: rest, path: 'composite/sobjects', fixedMillis: 1500, jitterMillis: 0}]");
        String runPage = new UiBrowser(server).logIn("ada").postWithToken("/ui/syncs/accounts/run").headers().firstValue("Location").orElseThrow();
        dev.sfsync.core.RunId run = dev.sfsync.core.RunId.of(runPage.substring(runPage.lastIndexOf('/') + 1));
        UiBrowser vera = new UiBrowser(server).logIn("vera");
        HttpResponse<java.util.stream.Stream<String>> stream = vera.events(runPage + "/live?after=0", null);
        assertThat(stream.statusCode()).isEqualTo(200);

        vera.postWithToken("/ui/logout");
        // Reading every line returns once the server ends the stream.
        java.util.List<java.util.Map<String, String>> events = events(stream.body().toList());

        assertThat(project.store().runs().find(run).orElseThrow().status()).as("the run still goes on").isEqualTo(dev.sfsync.store.Run.Status.RUNNING);
        assertThat(events.getLast()).containsEntry("event", "end");
        assertThat(events.getLast().get("data")).contains("your session ended");
    }

    /** Server-sent events as field maps (event, id, data with its lines joined by newlines); comments are left out. */
    private static java.util.List<java.util.Map<String, String>> events(java.util.List<String> lines) {
        java.util.List<java.util.Map<String, String>> events = new java.util.ArrayList<>();
        java.util.Map<String, String> event = new java.util.LinkedHashMap<>();
        for (String line : lines) {
            if (line.isEmpty()) {
                if (!event.isEmpty()) {
                    events.add(event);
                }
                event = new java.util.LinkedHashMap<>();
            } else if (!line.startsWith(":")) {
                String[] field = line.split(":", 2);
                String value = field.length < 2 ? "" : field[1].startsWith(" ") ? field[1].substring(1) : field[1];
                event.merge(field[0], value, (a, b) -> a + "\n" + b);
            }
        }
        if (!event.isEmpty()) {
            events.add(event);
        }
        return events;
    }

    @Test
    void refusals_and_unknown_things_are_pages_with_the_problem_and_a_fix_never_a_stack_trace() {
        UiBrowser vera = new UiBrowser(server).logIn("vera");
        assertThat(vera.get("/ui/syncs").body()).doesNotContain("Run now</button>");
        HttpResponse<String> run = vera.postWithToken("/ui/syncs/accounts/run");
        assertThat(run.statusCode()).isEqualTo(403);
        assertThat(run.body()).contains("needs the operator role", "Fix:");
        assertThat(vera.get("/ui/users").statusCode()).isEqualTo(403);

        UiBrowser ada = new UiBrowser(server).logIn("ada");
        HttpResponse<String> noCsrf = ada.post("/ui/syncs/accounts/run", "");
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(noCsrf.body()).contains("CSRF token", "reload the page");
        HttpResponse<String> missing = ada.get("/ui/runs/20990101-000000-000-abcd");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(missing.body()).contains("there is no run", "pick one on the Runs page").doesNotContain("Exception", "at dev.sfsync");
        HttpResponse<String> badPage = ada.get("/ui/runs/20990101-000000-000-abcd/rows?page=two");
        assertThat(badPage.body()).doesNotContain("Exception");
        assertThat(project.store().runs().recent(5)).isEmpty();
    }
}
