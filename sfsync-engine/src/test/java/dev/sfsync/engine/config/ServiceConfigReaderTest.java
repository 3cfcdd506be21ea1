package dev.sfsync.engine.config;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceConfigReaderTest {
    private static final String HEAD = """
            connections:
              prod: {client_id: abc}
            models:
              accounts: {sql: select * from accounts, primary_key: id}
            syncs:
              accounts:
                model: accounts
                object: Account
                mode: insert
                insert_without_key: at_least_once
                mappings: [{from: name, to: Name}]
            """;

    private static ConfigResult read(String yaml) {
        return new ProjectConfigReader().read(Path.of("."), "sfsync.yaml", new StringReader(yaml));
    }

    private static String syncWith(String name, String schedule) {
        return "  " + name + ":\n    model: accounts\n    object: Account\n    mode: insert\n    insert_without_key: at_least_once\n    mappings: [{from: name, to: Name}]\n    schedule: " + schedule + "\n";
    }

    @Test
    void schedules_sequences_and_alerts_are_read_into_the_service_config() {
        ConfigResult result = read(HEAD + syncWith("contacts", "{cron: \"0 */2 * * *\", timezone: Europe/Paris}")
                + syncWith("hourly", "{every: 1h}") + syncWith("by_hand", "manual") + """
                sequences:
                  nightly: {schedule: {cron: "0 2 * * *"}, syncs: [accounts, contacts], on_failure: continue}
                alerts:
                  destinations:
                    ops: {type: slack, webhook_url: "${env:SLACK_URL}"}
                    hook: {type: webhook, url: "https://hooks.example.com/x", secret: "${env:HOOK_SECRET}"}
                    mail: {type: email, smtp_host: smtp.example.com, from: sfsync@example.com, to: [ops@example.com]}
                    pager: {type: pagerduty, routing_key: "${env:PD_KEY}"}
                  rules:
                    - {when: run_failed, on: [nightly], notify: [ops, pager]}
                    - {when: failed_rows_percent, above: 5, notify: [hook]}
                    - {when: stale_hours, above: 24, on: accounts, notify: [mail]}
                """);

        assertThat(result.problems()).isEmpty();
        ServiceConfig service = result.config().orElseThrow().service();
        assertThat(service.schedule("contacts")).isEqualTo(new RunSchedule.Cron("0 */2 * * *", ZoneId.of("Europe/Paris")));
        assertThat(service.schedule("hourly")).isEqualTo(new RunSchedule.Every(Duration.ofHours(1)));
        assertThat(service.schedule("by_hand")).isEqualTo(RunSchedule.MANUAL);
        assertThat(service.schedule("accounts")).isEqualTo(RunSchedule.MANUAL);
        assertThat(service.sequences().get("nightly")).isEqualTo(new SequenceConfig("nightly", new RunSchedule.Cron("0 2 * * *", ZoneId.of("UTC")),
                List.of("accounts", "contacts"), SequenceConfig.OnFailure.CONTINUE));
        assertThat(service.destinations().get("hook")).isEqualTo(new AlertDestination.Webhook("hook", "https://hooks.example.com/x",
                Optional.of(new SecretRef(SecretRef.Kind.ENV, "HOOK_SECRET"))));
        assertThat(service.destinations().get("mail")).isEqualTo(new AlertDestination.Email("mail", "smtp.example.com", 587, true,
                "sfsync@example.com", List.of("ops@example.com"), Optional.empty(), Optional.empty()));
        assertThat(service.rules()).extracting(AlertRule::when).containsExactly(AlertRule.Condition.RUN_FAILED,
                AlertRule.Condition.FAILED_ROWS_PERCENT, AlertRule.Condition.STALE_HOURS);
        assertThat(service.rules().get(2).threshold()).isEqualTo(24);
        assertThat(service.rules().get(2).on()).containsExactly("accounts");
    }

    @Test
    void a_wrong_cron_interval_or_time_zone_is_a_problem_at_its_line_and_column_with_a_fix() {
        ConfigResult result = read(HEAD + syncWith("a", "{cron: \"61 * * * *\"}") + syncWith("b", "{every: 10 minutes}")
                + syncWith("c", "{cron: \"0 2 * * *\", timezone: Europe/Pariss}") + syncWith("d", "{every: 30s}") + syncWith("e", "hourly"));

        assertThat(result.problems()).extracting(ConfigProblem::render).containsExactly(
                "sfsync.yaml:18:16: syncs.a.schedule.cron: '61 * * * *' is not a cron expression: Failed to parse cron expression. Value 61 not in range [0, 59]"
                        + " (fix: write five fields: minute hour day-of-month month day-of-week, e.g. \"0 */2 * * *\" (every two hours))",
                "sfsync.yaml:25:16: syncs.b.schedule.every: '10 minutes' is not an interval (fix: write a number and a unit: 30m, 2h, 1d (s, m, h or d))",
                "sfsync.yaml:32:35: syncs.c.schedule.timezone: unknown time zone 'Europe/Pariss' (fix: use an IANA zone name such as Europe/Paris, America/New_York or UTC)",
                "sfsync.yaml:39:16: syncs.d.schedule.every: '30s' is shorter than a minute (fix: schedule at most once a minute, e.g. 'every: 1m')",
                "sfsync.yaml:46:5: syncs.e.schedule: unknown schedule 'hourly' (fix: write 'schedule: manual', 'schedule: {every: 15m}' or"
                        + " 'schedule: {cron: \"0 */2 * * *\", timezone: Europe/Paris}')");
    }

    @Test
    void a_sequence_of_unknown_syncs_and_an_alert_rule_without_its_threshold_or_destination_are_problems() {
        ConfigResult result = read(HEAD + """
                sequences:
                  nightly: {syncs: [accounts, acounts], on_failure: halt}
                alerts:
                  destinations:
                    ops: {type: slack, webhook_url: "https://hooks.slack.com/services/T0/B0/secret"}
                  rules:
                    - {when: failed_rows_percent, notify: [ops]}
                    - {when: run_failed, notify: [opps]}
                """);

        assertThat(result.problems()).extracting(ConfigProblem::path, ConfigProblem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("sequences.nightly.syncs[1]", "no sync named 'acounts'"),
                org.assertj.core.groups.Tuple.tuple("sequences.nightly.on_failure", "unknown value 'halt'"),
                org.assertj.core.groups.Tuple.tuple("alerts.destinations.ops.webhook_url", "secrets are never written in the project file"),
                org.assertj.core.groups.Tuple.tuple("alerts.rules[0].above", "missing"),
                org.assertj.core.groups.Tuple.tuple("alerts.rules[1].notify[0]", "no destination under 'alerts.destinations' named 'opps'"));
        assertThat(result.problems().getFirst().fix()).contains("accounts");
        assertThat(result.problems()).allSatisfy(p -> assertThat(p.line()).isPositive());
    }

    @Test
    void retention_is_read_with_defaults_for_what_is_left_out() {
        ServiceConfig service = read(HEAD + "retention: {details: 14d, keep_last: 3, every: 30m}\n").config().orElseThrow().service();
        assertThat(service.retention()).isEqualTo(new RetentionConfig(new dev.sfsync.store.RetentionPolicy(Duration.ofDays(14), 3,
                Duration.ofDays(7), Duration.ofDays(180)), Duration.ofMinutes(30)));
        assertThat(read(HEAD).config().orElseThrow().service().retention()).isEqualTo(RetentionConfig.DEFAULTS);
        assertThat(read(HEAD + "retention: {details: 2d}\n").config().orElseThrow().service().retention().policy().keepBodiesFor())
                .as("bodies never outlive their details").isEqualTo(Duration.ofDays(2));
    }

    @Test
    void a_wrong_retention_is_a_problem_with_a_fix() {
        ConfigResult result = read(HEAD + "retention: {details: 1 month, bodies: 60d, runs: 1d, keep_last: 0, every: 10s, keep: 1}\n");

        assertThat(result.problems()).extracting(ConfigProblem::path, ConfigProblem::message).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("retention.keep", "unknown key 'keep'"),
                org.assertj.core.groups.Tuple.tuple("retention.details", "'1 month' is not an age"),
                org.assertj.core.groups.Tuple.tuple("retention.bodies", "bodies are kept longer than the details they belong to (30d)"),
                org.assertj.core.groups.Tuple.tuple("retention.runs", "runs are kept shorter than their details (30d)"),
                org.assertj.core.groups.Tuple.tuple("retention.keep_last", "0 is out of range"),
                org.assertj.core.groups.Tuple.tuple("retention.every", "'10s' is not an age"));
    }
}
