package dev.sfsync.engine.project;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write-mode test again with {@code change_detection: warehouse} on the DuckDB source: the snapshot, the diff
 * and the commit live in the source's {@code sfsync_state} schema, and the engine sees the same change set.
 */
class WarehouseModeWriteModesTest extends WriteModesTest {
    @Override
    EngineHarness harness(EngineHarness harness) {
        return harness.sourceSettings("change_detection: warehouse");
    }

    @Test
    void the_snapshot_these_tests_advance_lives_in_the_warehouse() {
        harness.config(EngineHarness.ACCOUNTS_SYNC + "mode: upsert\nmatch: {column: id, field: External_Key__c}\nmappings: [{from: name, to: Name}]\n"
                .indent(4)).run("accounts");

        assertThat(harness.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'sfsync_state'"
                + " AND table_name LIKE 'snapshot%'")).singleElement()
                .satisfies(table -> assertThat(harness.query("SELECT count(*) AS n FROM sfsync_state." + table.get("table_name")))
                        .singleElement().satisfies(count -> assertThat(((Number) count.get("n")).longValue()).isEqualTo(2)));
    }
}
