package dev.sfsync.engine.project;

import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.engine.config.ConfigProblem;
import dev.sfsync.engine.run.Errors;
import dev.sfsync.engine.run.RunResult;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class RecordTypeRunTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/record-types.yaml");
    @RegisterExtension
    static final EmulatedOrg noDefault = EmulatedOrg.withDefinition("orgs/record-types-no-default.yaml");

    static final String SYNC = EngineHarness.ACCOUNTS_SYNC + """
                mode: %s
                match: {column: id, field: External_Key__c}
                mappings:
                  - {from: name, to: Name}
            """;

    @TempDir
    Path dir;
    EngineHarness harness;

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private EngineHarness harness(EmulatedOrg against) {
        harness = new EngineHarness(dir, against).sql("create table accounts (id varchar, name varchar, kind varchar)",
                "insert into accounts values ('A1', 'Acme', 'Customer'), ('A2', 'Globex', 'Partner'), ('A3', 'Initech', null),"
                        + " ('A4', 'Umbrella', 'Nonsense')");
        return harness;
    }

    @ParameterizedTest
    @ValueSource(strings = {"rest", "bulk2"})
    void record_type_by_developer_name_sets_every_record(String api) {
        harness(org).config(SYNC.formatted("upsert") + "    record_type: Customer\n    api: " + api + "\n");

        RunResult result = harness.run("accounts");

        assertThat(result.summary().created()).isEqualTo(4);
        assertThat(recordTypeNames()).containsOnly(Map.entry("A1", "Customer"), Map.entry("A2", "Customer"), Map.entry("A3", "Customer"),
                Map.entry("A4", "Customer"));
    }

    @Test
    void a_column_of_names_sets_each_row_its_type_an_empty_one_gets_the_default_and_an_unknown_one_is_rejected() {
        harness(org).config(SYNC.formatted("upsert") + "    record_type: {from: kind}\n");

        RunResult result = harness.run("accounts");

        assertThat(result.summary().created()).isEqualTo(3);
        RowOutcome rejected = harness.project().outcomes(result.runId(), 10).stream().filter(o -> o.error() != null).findFirst().orElseThrow();
        assertThat(rejected.key().values()).containsExactly("A4");
        assertThat(rejected.error().code()).isEqualTo("INVALID_CROSS_REFERENCE_KEY");
        assertThat(rejected.error().message()).contains("'Nonsense'").contains("Partner").contains("Customer");
        assertThat(recordTypeNames()).containsOnly(Map.entry("A1", "Customer"), Map.entry("A2", "Partner"), Map.entry("A3", "Partner"));
    }

    @Test
    void an_unknown_or_unassigned_record_type_is_a_validation_problem() {
        harness(org).config(SYNC.formatted("upsert") + "    record_type: Internl\n");
        List<ConfigProblem> unknown = harness.project().validateRemote("accounts");
        assertThat(unknown).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("syncs.accounts.record_type");
            assertThat(p.message()).contains("no active record type named 'Internl'").contains("Partner, Customer");
        });

        harness.config(SYNC.formatted("upsert") + "    record_type: Internal\n");
        assertThat(harness.project().validateRemote("accounts")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("not assigned to the connected user's profile"));

        harness.config(SYNC.formatted("upsert") + "    record_type: Retired\n");
        assertThat(harness.project().validateRemote("accounts")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("no active record type named 'Retired'"));
    }

    @Test
    void inserts_without_a_default_record_type_are_rejected_before_sending_with_the_fix() {
        harness(noDefault).config(EngineHarness.ACCOUNTS_SYNC + """
                    mode: insert
                    mappings:
                      - {from: name, to: Name}
                """);

        RunResult result = harness.run("accounts");

        assertThat(result.summary().rejected()).isEqualTo(4);
        assertThat(result.errorCounts()).containsOnlyKeys("INVALID_FIELD_FOR_INSERT_UPDATE");
        assertThat(Errors.explain("INVALID_FIELD_FOR_INSERT_UPDATE").fix()).contains("default record type");
        assertThat(noDefault.records("Account")).isEmpty();
    }

    @Test
    void salesforce_refuses_an_upsert_that_creates_without_a_default_record_type_and_the_fix_says_why() {
        harness(noDefault).config(SYNC.formatted("upsert"));

        RunResult result = harness.run("accounts");

        assertThat(result.summary().failed()).isEqualTo(4);
        RowOutcome failed = harness.project().outcomes(result.runId(), 10).getFirst();
        assertThat(failed.error().code()).isEqualTo("INVALID_FIELD_FOR_INSERT_UPDATE");
        assertThat(failed.error().message()).contains("no default record type");

        harness.config(SYNC.formatted("upsert") + "    record_type: Partner\n");
        assertThat(harness.run("accounts").summary().created()).as("naming the record type fixes it").isEqualTo(4);
    }

    private Map<String, String> recordTypeNames() {
        Map<String, String> names = org.records("RecordType").stream()
                .collect(Collectors.toMap(r -> (String) r.get("Id"), r -> (String) r.get("DeveloperName")));
        return org.records("Account").stream().collect(Collectors.toMap(r -> (String) r.get("External_Key__c"),
                r -> names.get((String) r.get("RecordTypeId"))));
    }
}
