package dev.sfsync.engine.config;

import dev.sfsync.engine.sync.ApiChoice;
import dev.sfsync.engine.sync.DeleteBehaviour;
import dev.sfsync.engine.sync.FieldMapping;
import dev.sfsync.engine.sync.Lookup;
import dev.sfsync.engine.sync.Match;
import dev.sfsync.engine.sync.RetryPolicy;
import dev.sfsync.engine.sync.KeepRowOutcomes;
import dev.sfsync.engine.sync.SyncDefinition;
import dev.sfsync.engine.sync.SyncMode;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectConfigReaderTest {
    private static final String MINIMAL = """
            connections:
              prod: {client_id: abc}
            models:
              accounts: {sql: select * from accounts, primary_key: id}
            syncs:
              accounts:
                model: accounts
                object: Account
                mode: upsert
                match: {column: id, field: External_Key__c}
                mappings:
                  - {from: name, to: Name}
            """;

    @Test
    void a_file_that_sets_every_key_is_read_completely() throws URISyntaxException {
        Path directory = Path.of(getClass().getResource("/config/full/sfsync.yaml").toURI()).getParent();

        ConfigResult result = new ProjectConfigReader().read(directory);

        assertThat(result.problems()).isEmpty();
        ProjectConfig config = result.config().orElseThrow();
        assertThat(config.sources()).containsOnlyKeys("warehouse", "analytics");
        assertThat(config.sources().get("analytics").password()).contains(new SecretRef(SecretRef.Kind.ENV, "ANALYTICS_PASSWORD"));
        assertThat(config.connections().get("staging")).isEqualTo(new ConnectionConfig("staging", ConnectionConfig.Environment.SANDBOX,
                "https://test.salesforce.com", "3MVG9-sandbox-key", Optional.of(new SecretRef(SecretRef.Kind.FILE, "secrets/sandbox-secret")),
                Optional.of("62.0")));
        assertThat(config.connections().get("local").loginUrl()).isEqualTo("http://127.0.0.1:8642");
        ConnectionConfig robot = config.connections().get("robot");
        assertThat(robot.login()).isEqualTo(new LoginConfig(LoginConfig.Flow.JWT_BEARER, Optional.of("integration@acme.com"),
                Optional.of(new SecretRef(SecretRef.Kind.FILE, "secrets/server.key")), 1818));
        assertThat(robot.reserve()).isEqualTo(dev.sfsync.salesforce.limits.QuotaReserve.percent(20));
        assertThat(robot.staleAfter()).isEqualTo(java.time.Duration.ofHours(2));
        assertThat(config.createFields().get("accounts")).extracting(f -> f.field() + " " + f.type() + " " + f.label()).containsExactly(
                "Source_Score__c Number Source score", "Source_Code__c Text Source code", "Source_Tier__c Picklist Source Tier");
        assertThat(config.createFields().get("accounts").get(1)).extracting(f -> f.length(), f -> f.externalId(), f -> f.unique(), f -> f.object())
                .containsExactly(40, true, true, "Account");
        assertThat(config.models().get("contacts")).isEqualTo(new ModelConfig("contacts", "analytics", "select * from crm.contacts",
                List.of("org_id", "contact_id")));

        SyncDefinition accounts = config.syncs().get("accounts");
        assertThat(accounts).isEqualTo(new SyncDefinition("accounts", "accounts", "production", "Account", SyncMode.UPSERT,
                Optional.of(new Match("account_key", "External_Key__c")),
                List.of(new FieldMapping(new FieldMapping.Column("name"), "Name"), new FieldMapping(new FieldMapping.Column("tier"), "Tier__c"),
                        new FieldMapping(new FieldMapping.Constant("Warehouse"), "AccountSource"),
                        new FieldMapping(new FieldMapping.Constant(List.of("North", "East")), "Regions__c")),
                List.of(), DeleteBehaviour.CLEAR_FIELDS, ApiChoice.BULK1, 5000, 4,
                new RetryPolicy(Set.of("UNABLE_TO_LOCK_ROW", "SERVER_UNAVAILABLE"), 5)));
        SyncDefinition contacts = config.syncs().get("contacts");
        assertThat(contacts.match()).contains(new Match("sf_id", "Id"));
        assertThat(contacts.lookups()).containsExactly(new Lookup("AccountId", "Account", "External_Key__c", "account_key"));
        assertThat(contacts.api()).isEqualTo(ApiChoice.BULK2);
        assertThat(config.syncs().get("new_leads").mappings().get(1).source()).isEqualTo(new FieldMapping.Constant(null));
    }

    @Test
    void defaults_fill_what_a_minimal_file_leaves_out() {
        ProjectConfig config = read(MINIMAL).config().orElseThrow();

        assertThat(config.sources()).containsOnlyKeys(ProjectConfigReader.DEFAULT_SOURCE);
        assertThat(config.sources().get("warehouse").url()).isEqualTo("jdbc:duckdb:warehouse.duckdb");
        assertThat(config.connections().get("prod").loginUrl()).isEqualTo("https://login.salesforce.com");
        assertThat(config.connections().get("prod").login()).isEqualTo(LoginConfig.WEB_SERVER);
        assertThat(config.connections().get("prod").reserve()).isEqualTo(dev.sfsync.salesforce.limits.QuotaReserve.percent(10));
        assertThat(config.connections().get("prod").staleAfter()).isEqualTo(java.time.Duration.ofHours(24));
        assertThat(config.createFields()).isEmpty();
        SyncDefinition sync = config.syncs().get("accounts");
        assertThat(sync.connection()).as("the only connection").isEqualTo("prod");
        assertThat(config.models().get("accounts").source()).as("the only source").isEqualTo("warehouse");
        assertThat(sync.api()).isEqualTo(ApiChoice.REST);
        assertThat(sync.batchSize()).isEqualTo(200);
        assertThat(sync.parallelism()).isEqualTo(10);
        assertThat(sync.onDelete()).isEqualTo(DeleteBehaviour.NOTHING);
        assertThat(sync.retry()).isEqualTo(RetryPolicy.DEFAULT);
    }

    @Test
    void every_problem_is_reported_at_once_with_line_column_and_fix() {
        ConfigResult result = read("""
                connections:
                  prod: {client_id: abc, client_secret: hunter2}
                models:
                  accounts: {sql: select 1, primary_key: id}
                syncs:
                  accounts:
                    model: acounts
                    object: Account
                    mode: upsrt
                    batch_sise: 10
                    mappings:
                      - {from: name, to: Name}
                """);

        assertThat(result.config()).isEmpty();
        assertThat(result.problems()).extracting(ConfigProblem::render).containsExactly(
                "sfsync.yaml:2:26: connections.prod.client_secret: secrets are never written in the project file "
                        + "(fix: reference it instead: '${env:VARIABLE}' (an environment variable) or '${file:path/to/secret}')",
                "sfsync.yaml:10:5: syncs.accounts.batch_sise: unknown key 'batch_sise' (fix: did you mean 'batch_size'?)",
                "sfsync.yaml:7:5: syncs.accounts.model: no model named 'acounts' (fix: did you mean 'accounts'?)",
                "sfsync.yaml:9:5: syncs.accounts.mode: unknown value 'upsrt' (fix: did you mean 'upsert'?)");
        assertThat(result.problems().toString()).doesNotContain("hunter2");
    }

    @Test
    void mode_match_and_delete_rules_are_enforced() {
        ConfigResult result = read("""
                connections:
                  prod: {client_id: abc}
                models:
                  m: {sql: select 1, primary_key: id}
                syncs:
                  upsert_on_id:
                    {model: m, object: Account, mode: upsert, match: {column: id, field: Id}, mappings: [{from: n, to: Name}]}
                  update_without_match:
                    {model: m, object: Account, mode: update, mappings: [{from: n, to: Name}], on_delete: delete}
                  insert_on_id:
                    {model: m, object: Lead, mode: insert, match: {column: id, field: Id}, mappings: [{from: n, to: LastName}]}
                  insert_without_key:
                    {model: m, object: Lead, mode: insert, mappings: [{from: n, to: LastName}]}
                  bulk2_batches:
                    {model: m, object: Account, mode: insert, insert_without_key: at_least_once, api: bulk2, batch_size: 500, mappings: [{from: n, to: Name}]}
                  rest_batches:
                    {model: m, object: Account, mode: upsert, match: {column: id, field: Key__c}, batch_size: 201, parallelism: 51, mappings: [{from: n, to: Name}]}
                  twice:
                    model: m
                    object: Contact
                    mode: upsert
                    match: {column: id, field: Key__c}
                    mappings: [{from: n, to: LastName}, {from: n2, to: lastname}, {from: id, to: Key__c}, {to: Email}]
                    lookups: [{to: LastName, object: Account, field: Key__c, column: k}]
                """);

        assertThat(result.problems()).extracting(ConfigProblem::path, ConfigProblem::message).containsExactly(
                tuple("syncs.upsert_on_id.match.field", "upsert cannot match on Id: rows without a record have no Id yet, so nothing could be created"),
                tuple("syncs.update_without_match.match", "a update sync needs a match: how rows find their records"),
                tuple("syncs.update_without_match.on_delete", "'delete' is not possible in update mode"),
                tuple("syncs.insert_on_id.match.field", "an insert's match is its idempotency key, written into each new record; Id cannot be written"),
                tuple("syncs.insert_without_key.match", "this insert sync cannot be exactly-once across crashes: without an idempotency key, a create"
                        + " whose answer was lost (a kill, a dropped connection) cannot be told from one never made"),
                tuple("syncs.bulk2_batches.batch_size", "Bulk API 2.0 jobs are split by upload size, not by a record count"),
                tuple("syncs.rest_batches.batch_size", "201 is out of range"),
                tuple("syncs.rest_batches.parallelism", "51 is out of range"),
                tuple("syncs.twice.mappings[1].to", "lastname is already set by syncs.twice.mappings[0]"),
                tuple("syncs.twice.mappings[2].to", "Key__c is the match field; sfsync sends it from match.column already"),
                tuple("syncs.twice.mappings[3]", "needs 'from' (a model column) or 'value' (a constant)"),
                tuple("syncs.twice.lookups[0].to", "LastName is set twice (by a mapping or another lookup)"));
    }

    @Test
    void syntax_errors_and_duplicate_keys_are_problems_not_crashes() {
        assertThat(read("syncs:\n  a: [unclosed\n").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("not valid YAML"));
        assertThat(read(MINIMAL + "models:\n  again: {sql: select 2, primary_key: id}\n").problems())
                .extracting(ConfigProblem::render)
                .contains("sfsync.yaml:13:1: models: 'models' appears twice (fix: keep one of them; YAML would silently use the last)");
    }

    @Test
    void a_missing_project_file_says_how_to_create_one(@org.junit.jupiter.api.io.TempDir Path empty) {
        assertThat(new ProjectConfigReader().read(empty).problems()).singleElement()
                .satisfies(p -> assertThat(p.fix()).contains("sfsync init"));
    }

    @Test
    void keep_row_outcomes_is_failed_by_default_all_when_asked_and_a_problem_when_unknown() {
        assertThat(read(MINIMAL).config().orElseThrow().syncs().get("accounts").options().keepRowOutcomes()).isEqualTo(KeepRowOutcomes.FAILED);
        assertThat(read(MINIMAL + "    keep_row_outcomes: all\n").config().orElseThrow().syncs().get("accounts").options().keepRowOutcomes())
                .isEqualTo(KeepRowOutcomes.ALL);
        assertThat(read(MINIMAL + "    merge: {shared_id: household, is_child: is_child}\n").config().orElseThrow().syncs().get("accounts")
                .options().keepRowOutcomes()).as("a merged child's outcome is its only trace").isEqualTo(KeepRowOutcomes.ALL);

        ConfigResult result = read(MINIMAL + "    keep_row_outcomes: successes\n");
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("syncs.accounts.keep_row_outcomes");
            assertThat(p.message()).contains("unknown value 'successes'");
            assertThat(p.fix()).contains("failed", "all");
        });
    }

    @Test
    void numbers_in_constants_keep_their_precision() {
        ConfigResult result = read(MINIMAL.replace("- {from: name, to: Name}", "- {value: 12.50, to: Score__c}"));
        assertThat(result.config().orElseThrow().syncs().get("accounts").mappings().getFirst().source())
                .isEqualTo(new FieldMapping.Constant(new BigDecimal("12.50")));
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }

    @Test
    void wrong_logins_quotas_and_declared_fields_are_problems_with_fixes() {
        ConfigResult result = read(MINIMAL.replace("prod: {client_id: abc}", """
                prod:
                    client_id: abc
                    login: {flow: jwt_bearer, private_key: not-a-reference}
                    quota: {reserve: lots}
                    stale_after: soon
                  machine: {client_id: def, login: client_credentials}
                  typo: {client_id: ghi, login: jwt_barer}""").replace("mappings:", """
                create_fields: [{name: Score, type: Numbr}]
                    connection: prod
                    mappings:"""));

        assertThat(result.problems()).extracting(ConfigProblem::path).contains("connections.prod.login.username",
                "connections.prod.login.private_key", "connections.prod.quota.reserve", "connections.prod.stale_after",
                "connections.machine.client_secret", "connections.typo.login", "syncs.accounts.create_fields[0].name");
        assertThat(result.problems()).filteredOn(p -> p.path().equals("connections.typo.login")).singleElement()
                .satisfies(p -> assertThat(p.fix()).contains("jwt_bearer"));
        assertThat(result.problems()).filteredOn(p -> p.path().equals("connections.prod.login.private_key")).first()
                .satisfies(p -> assertThat(p.message()).contains("secrets are never written in the project file"));
    }

    private static ConfigResult read(String yaml) {
        return new ProjectConfigReader().read(Path.of("."), "sfsync.yaml", new StringReader(yaml));
    }

    @Test
    void a_plain_http_login_url_is_refused_unless_it_is_this_machine() {
        ConfigResult result = read("""
                connections:
                  remote: {environment: custom, login_url: "http://login.example.com", client_id: abc}
                  local: {environment: custom, login_url: "http://127.0.0.1:8642", client_id: abc}
                  named: {environment: custom, login_url: "http://localhost:8642", client_id: abc}
                  secure: {environment: custom, login_url: "https://login.example.com", client_id: abc}
                """);

        assertThat(result.problems()).extracting(ConfigProblem::path).containsExactly("connections.remote.login_url");
        assertThat(result.problems().getFirst().message()).contains("plain http to another machine");
    }
}
