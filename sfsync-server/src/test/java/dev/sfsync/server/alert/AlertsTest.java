package dev.sfsync.server.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.sfsync.core.SyncId;
import dev.sfsync.core.change.ChangeCounts;
import dev.sfsync.core.change.CommitResult;
import dev.sfsync.core.outcome.RunSummary;
import dev.sfsync.engine.config.ProjectConfig;
import dev.sfsync.engine.run.RunResult;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.auth.Credentials;
import dev.sfsync.salesforce.auth.LoginHost;
import dev.sfsync.salesforce.rest.OrgLimit;
import dev.sfsync.server.TestProject;
import dev.sfsync.server.metrics.ServerMetrics;
import dev.sfsync.server.run.RunEnded;
import dev.sfsync.store.Run;
import dev.sfsync.testing.EmulatedOrg;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.sfsync.server.TestProject.insertSync;
import static org.assertj.core.api.Assertions.assertThat;

/** Every rule fires once per incident and resolves once, delivered to real local receivers (an HTTP server, GreenMail for SMTP). */
class AlertsTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefaultOrg();

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    private TestProject project;
    private HttpReceiver receiver;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private Optional<OrgLimit> daily = Optional.empty();
    private Alerts alerts;

    @BeforeEach
    void setUp() throws Exception {
        project = new TestProject(directory, org);
        receiver = new HttpReceiver();
        Files.writeString(directory.resolve("slack.url"), receiver.url("/slack"));
        Files.writeString(directory.resolve("hook.secret"), "s3cret-for-hmac");
        Files.writeString(directory.resolve("pd.key"), "R0UTING-KEY");
        ProjectConfig config = project.config("syncs:\n" + insertSync("accounts", "accounts", "Account", "Name", "") + """
                alerts:
                  destinations:
                    chat: {type: slack, webhook_url: "${file:slack.url}"}
                    hook: {type: webhook, url: "%s", secret: "${file:hook.secret}"}
                    pager: {type: pagerduty, routing_key: "${file:pd.key}", events_url: "%s"}
                    mail: {type: email, smtp_host: 127.0.0.1, smtp_port: %d, starttls: false, from: sfsync@example.com, to: [ops@example.com]}
                    broken: {type: webhook, url: "http://127.0.0.1:1/nothing-listens-here"}
                  rules:
                    - {when: run_failed, on: [accounts], notify: [hook]}
                    - {when: failed_rows_percent, above: 10, notify: [chat]}
                    - {when: rejected_rows, above: 2, notify: [pager]}
                    - {when: stale_hours, above: 1, notify: [mail]}
                    - {when: connection_lost, notify: [hook]}
                    - {when: quota_percent, above: 80, notify: [hook]}
                """.formatted(receiver.url("/hook"), receiver.url("/pagerduty"), mail.getSmtp().getPort())).read();
        alerts = Alerts.create(config, project.store(), project.serverDb(), connection -> daily, Runnable::run, waits::add,
                new ServerMetrics(sync -> new String[] {"org", "rest"}), Clock.systemUTC(), "http://sfsync.example.com");
    }

    @AfterEach
    void tearDown() {
        receiver.close();
        project.close();
    }

    private RunEnded run(RunSummary summary, Map<String, Long> errors, String stopped) {
        Run run = project.store().runs().start(SyncId.of("accounts"), Run.Kind.OUTBOUND);
        project.store().runs().finish(run.id(), stopped != null ? Run.Status.FAILED : summary.allSucceeded() ? Run.Status.SUCCEEDED : Run.Status.PARTIAL,
                summary, stopped);
        RunResult result = new RunResult("accounts", run.id(), new ChangeCounts(10, 10, 0, 0, 0), summary, errors, new CommitResult(0, 0, 0, 0, 0),
                3, stopped, List.of());
        return new RunEnded("accounts", run.id(), result, null, Duration.ofSeconds(1), "schedule");
    }

    private RunEnded succeeded() {
        return run(new RunSummary(10, 0, 0, 0, 0, 0), Map.of(), null);
    }

    private static JsonNode json(HttpReceiver.Received received) {
        try {
            return JSON.readTree(received.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void a_failed_run_alerts_once_while_it_keeps_failing_and_once_when_it_is_resolved_signed_with_hmac() {
        alerts.ended(run(RunSummary.EMPTY, Map.of(), "REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded"));
        alerts.ended(run(RunSummary.EMPTY, Map.of(), "REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded"));
        alerts.ended(succeeded());
        alerts.ended(succeeded());

        List<HttpReceiver.Received> hooks = receiver.at("/hook");
        assertThat(hooks).extracting(r -> json(r).path("kind").asText()).containsExactly("TRIGGER", "RESOLVE");
        HttpReceiver.Received trigger = hooks.getFirst();
        assertThat(trigger.header("X-Sfsync-Signature")).isEqualTo("sha256=" + HttpSenders.hmac("s3cret-for-hmac", trigger.body()));
        assertThat(json(trigger).path("title").asText()).contains("sync accounts failed", "REQUEST_LIMIT_EXCEEDED");
        assertThat(json(trigger).path("run_link").asText()).startsWith("http://sfsync.example.com/api/v1/runs/");
    }

    @Test
    void a_failed_row_share_above_the_threshold_posts_to_slack_with_the_top_codes_explained_and_the_run_link() {
        alerts.ended(run(new RunSummary(7, 0, 0, 0, 0, 3), Map.of("DUPLICATE_VALUE", 2L, "REQUIRED_FIELD_MISSING", 1L), null));
        alerts.ended(run(new RunSummary(9, 0, 0, 0, 0, 1), Map.of("DUPLICATE_VALUE", 1L), null));

        List<HttpReceiver.Received> slack = receiver.at("/slack");
        assertThat(slack).hasSize(2);
        String text = json(slack.get(0)).path("text").asText();
        assertThat(text).startsWith("[sfsync] FIRING: sync accounts: 30.0 % of rows failed").contains("DUPLICATE_VALUE (2 rows)", "Fix: ",
                "Run: http://sfsync.example.com/api/v1/runs/");
        assertThat(json(slack.get(1)).path("text").asText()).startsWith("[sfsync] RESOLVED:");
    }

    @Test
    void rejected_rows_above_the_threshold_trigger_and_resolve_one_pagerduty_incident() {
        alerts.ended(run(new RunSummary(5, 0, 0, 0, 5, 0), Map.of("STRING_TOO_LONG", 5L), null));
        alerts.ended(run(new RunSummary(5, 0, 0, 0, 4, 0), Map.of("STRING_TOO_LONG", 4L), null));
        alerts.ended(succeeded());

        List<JsonNode> events = receiver.at("/pagerduty").stream().map(AlertsTest::json).toList();
        assertThat(events).extracting(e -> e.path("event_action").asText()).containsExactly("trigger", "resolve");
        assertThat(events.get(0).path("routing_key").asText()).isEqualTo("R0UTING-KEY");
        assertThat(events.get(0).path("dedup_key").asText()).isEqualTo(events.get(1).path("dedup_key").asText());
        assertThat(events.get(0).path("payload").path("summary").asText()).contains("5 rows rejected");
        assertThat(events.get(0).path("payload").path("severity").asText()).isEqualTo("error");
    }

    @Test
    void a_sync_without_a_successful_run_for_too_long_is_emailed_as_stale_then_as_resolved() throws Exception {
        alerts.checkStale();
        alerts.checkStale();
        assertThat(mail.getReceivedMessages()).hasSize(1);
        MimeMessage stale = mail.getReceivedMessages()[0];
        assertThat(stale.getSubject()).startsWith("[sfsync] FIRING: sync accounts has had no successful run for 1.0 hours");
        assertThat(stale.getAllRecipients()[0].toString()).isEqualTo("ops@example.com");

        alerts.ended(succeeded());
        alerts.checkStale();
        assertThat(mail.getReceivedMessages()).hasSize(2);
        assertThat(mail.getReceivedMessages()[1].getSubject()).startsWith("[sfsync] RESOLVED:");
        assertThat(GreenMailUtil.getBody(mail.getReceivedMessages()[1])).contains("resolved");
    }

    @Test
    void a_sync_whose_schedule_is_paused_raises_no_stale_alert_until_it_is_resumed() {
        var pauses = new dev.sfsync.server.schedule.SchedulePauses(project.serverDb(), Clock.systemUTC());
        pauses.pause(dev.sfsync.server.schedule.SchedulePauses.Kind.SYNC, "accounts", "otto");
        alerts.checkStale();
        assertThat(mail.getReceivedMessages()).isEmpty();

        pauses.resume(dev.sfsync.server.schedule.SchedulePauses.Kind.SYNC, "accounts");
        alerts.checkStale();
        assertThat(mail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void a_login_salesforce_refuses_is_a_lost_connection_until_a_run_gets_through() {
        SalesforceClient refused = SalesforceClient.builder().loginHost(LoginHost.of(org.loginUrl()))
                .credentials(Credentials.password(org.clientId(), org.clientSecret(), org.username(), "not-the-password")).build();
        RuntimeException loginRefused = null;
        try {
            refused.rest().limits();
        } catch (RuntimeException e) {
            loginRefused = e;
        }
        assertThat(loginRefused).isNotNull();
        Run run = project.store().runs().start(SyncId.of("accounts"), Run.Kind.OUTBOUND);
        alerts.ended(new RunEnded("accounts", run.id(), null, loginRefused, Duration.ofSeconds(1), "schedule"));
        alerts.ended(succeeded());

        List<JsonNode> hooks = receiver.at("/hook").stream().map(AlertsTest::json).filter(j -> j.path("condition").asText().equals("connection_lost")).toList();
        assertThat(hooks).extracting(j -> j.path("kind").asText()).containsExactly("TRIGGER", "RESOLVE");
        assertThat(hooks.getFirst().path("title").asText()).contains("connection org lost", "sfsync connect org");
    }

    @Test
    void quota_use_above_the_threshold_alerts_once_and_resolves_when_it_drops() {
        daily = Optional.of(new OrgLimit("DailyApiRequests", 1000, 150));
        alerts.ended(succeeded());
        alerts.ended(succeeded());
        daily = Optional.of(new OrgLimit("DailyApiRequests", 1000, 900));
        alerts.ended(succeeded());

        List<JsonNode> hooks = receiver.at("/hook").stream().map(AlertsTest::json).filter(j -> j.path("condition").asText().equals("quota_percent")).toList();
        assertThat(hooks).extracting(j -> j.path("kind").asText()).containsExactly("TRIGGER", "RESOLVE");
        assertThat(hooks.getFirst().path("title").asText()).contains("85.0 % of its daily API requests");
    }

    @Test
    void a_delivery_that_fails_is_retried_with_growing_waits_and_recorded() {
        receiver.answer(503, 500);
        alerts.ended(run(RunSummary.EMPTY, Map.of(), "lost"));

        assertThat(receiver.at("/hook")).hasSize(3);
        assertThat(waits).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(30));
        assertThat(project.serverDb().query("SELECT status, attempts FROM alert_deliveries WHERE destination = 'hook'",
                rs -> rs.getString(1) + "/" + rs.getInt(2))).containsExactly("SENT/3");
    }

    @Test
    void a_destination_that_never_answers_is_recorded_as_failed_and_the_test_command_says_so() {
        Deliveries.Outcome outcome = alerts.test("broken");

        assertThat(outcome.sent()).isFalse();
        assertThat(outcome.attempts()).isEqualTo(5);
        assertThat(outcome.error()).contains("webhook unreachable");
        assertThat(alerts.test("hook").sent()).isTrue();
        assertThat(json(receiver.at("/hook").getLast()).path("kind").asText()).isEqualTo("TEST");
    }
}
