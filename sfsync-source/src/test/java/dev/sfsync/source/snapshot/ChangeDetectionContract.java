package dev.sfsync.source.snapshot;

import dev.sfsync.core.SyncId;
import dev.sfsync.core.change.Change;
import dev.sfsync.core.change.ChangeCounts;
import dev.sfsync.core.change.ChangeKind;
import dev.sfsync.core.change.ChangeSet;
import dev.sfsync.core.change.CommitResult;
import dev.sfsync.core.model.Model;
import dev.sfsync.core.model.RowKey;
import dev.sfsync.core.outcome.RowError;
import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.source.ModelHasDuplicateKeys;
import dev.sfsync.source.ModelHasNullKeys;
import dev.sfsync.source.ModelMissingKeyColumn;
import dev.sfsync.source.ModelQueryFailed;
import dev.sfsync.source.Source;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Change detection against a snapshot, the same for every kind of source. Subclasses supply the source. */
abstract class ChangeDetectionContract {
    static final SyncId SYNC = SyncId.of("accounts_to_salesforce");
    static final Model ACCOUNTS = Model.of("accounts", "SELECT id, name, amount, active FROM accounts", "id");

    @TempDir
    Path state;
    SnapshotStore snapshots;

    /** The source under test, holding the tables the tests create with {@link #sql}. */
    abstract Source source();

    /** Runs a statement in the source (DDL or DML in SQL both DuckDB and Postgres accept). */
    abstract void sql(String statement);

    @BeforeEach
    void openSnapshots() {
        sql("DROP TABLE IF EXISTS accounts");
        sql("CREATE TABLE accounts (id BIGINT, name VARCHAR(100), amount DECIMAL(12, 2), active BOOLEAN)");
        sql("INSERT INTO accounts SELECT g, 'Account ' || g, g * 1.5, g % 2 = 0 FROM generate_series(1, 100) AS t(g)");
        snapshots = SnapshotStore.open(state, new SnapshotSettings("256MB", 1));
    }

    @AfterEach
    void closeSnapshots() {
        snapshots.close();
    }

    @Test
    void first_run_sends_every_row_as_added_and_a_committed_rerun_sends_nothing() {
        try (ChangeSet changes = detect()) {
            assertThat(changes.counts()).isEqualTo(new ChangeCounts(100, 100, 0, 0, 0));
            assertThat(kinds(changes)).containsOnly(ChangeKind.ADDED).hasSize(100);
            changes.record(succeedAll(changes));
            assertThat(changes.commit()).isEqualTo(new CommitResult(100, 0, 0, 0, 0));
        }
        assertThat(snapshots.size(SYNC)).isEqualTo(100);
        try (ChangeSet rerun = detect()) {
            assertThat(rerun.counts()).isEqualTo(new ChangeCounts(100, 0, 0, 0, 0));
            assertThat(list(rerun)).isEmpty();
        }
    }

    @Test
    void a_first_run_read_straight_from_the_model_gives_the_changes_and_snapshot_a_full_diff_gives() {
        // A first run (empty snapshot) skips hashing the stage and the diff; a full resync of an empty snapshot takes the
        // general path. Both must see the same rows, shared values and prior failures, and leave the same snapshot.
        sql("UPDATE accounts SET name = 'Account 1' WHERE id = 2");
        DetectOptions options = DetectOptions.allColumns().withUniqueColumns(Set.of("name"));
        // Its own sync: a snapshot kept in the warehouse is shared by every store on that warehouse.
        SyncId generalSync = SyncId.of("accounts_general");
        try (SnapshotStore general = SnapshotStore.open(state.resolve("general"), new SnapshotSettings("256MB", 1))) {
            for (int run = 1; run <= 2; run++) {
                try (ChangeSet first = snapshots.detect(SYNC, source(), ACCOUNTS, options);
                     ChangeSet full = general.detect(generalSync, source(), ACCOUNTS, options.withFullResync())) {
                    List<Change> fast = sorted(list(first));
                    assertThat(fast).isEqualTo(sorted(list(full))).hasSize(100).allMatch(c -> c.kind() == ChangeKind.ADDED);
                    assertThat(first.counts()).isEqualTo(full.counts());
                    assertThat(fast.stream().filter(c -> !c.sharedValues().isEmpty()).map(c -> c.key().toString())).containsExactlyInAnyOrder("1", "2");
                    assertThat(fast.stream().mapToInt(Change::priorFailures).sum()).as("the first run's failures come back counted").isEqualTo(run == 1 ? 0 : 100);
                    for (ChangeSet changes : List.of(first, full)) {
                        if (run == 1) {
                            // Every row failed: the snapshot stays empty, so the next run is a first run again.
                            changes.record(list(changes).stream().map(c -> (RowOutcome) new RowOutcome.Failed(c.key(), RowError.of("UNABLE_TO_LOCK_ROW", "locked"), 1)).toList());
                        } else {
                            changes.record(succeedAll(changes).stream().filter(o -> !o.key().equals(RowKey.of("3")) && !o.key().equals(RowKey.of("4"))).toList());
                            changes.record(List.of(new RowOutcome.Failed(RowKey.of("3"), RowError.of("UNABLE_TO_LOCK_ROW", "locked"), 1),
                                    new RowOutcome.RejectedLocally(RowKey.of("4"), RowError.of("STRING_TOO_LONG", "Name: data value too large", "Name"))));
                        }
                        changes.commit();
                    }
                }
                assertThat(snapshots.size(SYNC)).isEqualTo(general.size(generalSync)).isEqualTo(run == 1 ? 0 : 98);
            }
            // The same snapshot: the same rows come again (the failed and the rejected one), and a change carries its record Id.
            sql("UPDATE accounts SET amount = 0 WHERE id = 5");
            try (ChangeSet next = snapshots.detect(SYNC, source(), ACCOUNTS, options); ChangeSet nextGeneral = general.detect(generalSync, source(), ACCOUNTS, options)) {
                assertThat(sorted(list(next))).isEqualTo(sorted(list(nextGeneral))).extracting(c -> c.key().toString(), Change::recordId, Change::priorFailures)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("3", null, 2), org.assertj.core.groups.Tuple.tuple("4", null, 2),
                                org.assertj.core.groups.Tuple.tuple("5", "001000000000005", 0));
            }
        }
    }

    private static List<Change> sorted(List<Change> changes) {
        return changes.stream().sorted(java.util.Comparator.comparing(c -> Long.parseLong(c.key().toString()))).toList();
    }

    @Test
    void reports_changed_added_and_removed_rows_with_current_values_and_record_ids() {
        syncAll();
        sql("UPDATE accounts SET name = 'Renamed' WHERE id IN (3, 4)");
        sql("UPDATE accounts SET amount = 99.99 WHERE id = 5");
        sql("DELETE FROM accounts WHERE id IN (7, 8, 9)");
        sql("INSERT INTO accounts VALUES (101, 'New', 1.00, true)");

        try (ChangeSet changes = detect()) {
            assertThat(changes.counts()).isEqualTo(new ChangeCounts(98, 1, 3, 3, 0));
            List<Change> all = list(changes);
            assertThat(keysOf(all, ChangeKind.CHANGED)).containsExactlyInAnyOrder("3", "4", "5");
            assertThat(keysOf(all, ChangeKind.REMOVED)).containsExactlyInAnyOrder("7", "8", "9");
            assertThat(keysOf(all, ChangeKind.ADDED)).containsExactly("101");
            Change renamed = all.stream().filter(c -> c.key().equals(RowKey.of("3"))).findFirst().orElseThrow();
            assertThat(renamed.row().get("name")).isEqualTo("Renamed");
            assertThat(renamed.row().get("amount")).isEqualTo(new BigDecimal("4.50"));
            assertThat(renamed.row().get("id")).isEqualTo(3L);
            assertThat(renamed.recordId()).isEqualTo("001000000000003");
            Change removed = all.stream().filter(c -> c.key().equals(RowKey.of("7"))).findFirst().orElseThrow();
            assertThat(removed.row()).isNull();
            assertThat(removed.recordId()).isEqualTo("001000000000007");
            assertThat(all.stream().filter(c -> c.kind() == ChangeKind.ADDED).findFirst().orElseThrow().recordId()).isNull();
        }
    }

    @Test
    void failed_rejected_and_unrecorded_rows_are_sent_again_and_successes_are_not() {
        syncAll();
        sql("UPDATE accounts SET name = name || ' v2' WHERE id <= 6");
        try (ChangeSet changes = detect()) {
            assertThat(changes.counts().changed()).isEqualTo(6);
            changes.record(List.of(
                    new RowOutcome.Updated(RowKey.of("1"), "001000000000001"),
                    new RowOutcome.Updated(RowKey.of("2"), "001000000000002"),
                    new RowOutcome.Failed(RowKey.of("3"), RowError.of("UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access"), 3),
                    new RowOutcome.RejectedLocally(RowKey.of("4"), RowError.of("STRING_TOO_LONG", "Name: data value too large", "Name"))));
            // Row 5 is recorded as failed, then as updated by a split retry: the later outcome wins.
            changes.record(List.of(new RowOutcome.Failed(RowKey.of("5"), RowError.of("UNABLE_TO_LOCK_ROW", "locked"), 1)));
            changes.record(List.of(new RowOutcome.Updated(RowKey.of("5"), "001000000000005")));
            assertThat(changes.commit()).isEqualTo(new CommitResult(3, 0, 2, 1, 0));
        }
        try (ChangeSet retry = detect()) {
            assertThat(retry.counts()).isEqualTo(new ChangeCounts(100, 0, 3, 0, 2));
            List<Change> all = list(retry);
            assertThat(all).extracting(c -> c.key().toString(), Change::priorFailures)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("3", 1), org.assertj.core.groups.Tuple.tuple("4", 1),
                            org.assertj.core.groups.Tuple.tuple("6", 0));
            assertThat(all).allSatisfy(c -> assertThat((String) c.row().get("name")).endsWith(" v2"));
            retry.record(List.of(new RowOutcome.Failed(RowKey.of("3"), RowError.of("UNABLE_TO_LOCK_ROW", "locked"), 1)));
            retry.record(succeedAll(retry).stream().filter(o -> !o.key().equals(RowKey.of("3"))).toList());
            retry.commit();
        }
        try (ChangeSet third = detect()) {
            assertThat(list(third)).singleElement().satisfies(c -> {
                assertThat(c.key()).isEqualTo(RowKey.of("3"));
                assertThat(c.priorFailures()).isEqualTo(2);
            });
        }
    }

    @Test
    void successfully_removed_rows_leave_the_snapshot_and_failed_removals_come_back() {
        syncAll();
        sql("DELETE FROM accounts WHERE id IN (10, 11, 12)");
        try (ChangeSet changes = detect()) {
            changes.record(List.of(new RowOutcome.Deleted(RowKey.of("10"), "001000000000010"), new RowOutcome.Unchanged(RowKey.of("11")),
                    new RowOutcome.Failed(RowKey.of("12"), RowError.of("ENTITY_IS_DELETED", "entity is deleted"), 1)));
            assertThat(changes.commit()).isEqualTo(new CommitResult(0, 2, 1, 0, 0));
        }
        assertThat(snapshots.size(SYNC)).isEqualTo(98);
        try (ChangeSet again = detect()) {
            assertThat(list(again)).singleElement().satisfies(c -> {
                assertThat(c.kind()).isEqualTo(ChangeKind.REMOVED);
                assertThat(c.key()).isEqualTo(RowKey.of("12"));
                assertThat(c.recordId()).isEqualTo("001000000000012");
            });
        }
        sql("INSERT INTO accounts VALUES (10, 'Account 10', 15.00, true)");
        try (ChangeSet back = detect()) {
            assertThat(keysOf(list(back), ChangeKind.ADDED)).containsExactly("10");
        }
    }

    @Test
    void null_keys_are_rejected_with_a_count_and_sample_rows() {
        sql("INSERT INTO accounts VALUES (NULL, 'No key 1', 1.00, true), (NULL, 'No key 2', 2.00, false)");
        assertThatThrownBy(this::detect).isInstanceOfSatisfying(ModelHasNullKeys.class, e -> {
            assertThat(e.rows()).isEqualTo(2);
            assertThat(e.samples()).hasSize(2).anySatisfy(sample -> assertThat(sample).contains("name=No key 1"));
            assertThat(e.getMessage()).contains("2 row(s) with a null primary key [id]").contains("How to fix");
        });
        assertThat(snapshots.size(SYNC)).isZero();
    }

    @Test
    void duplicate_keys_are_rejected_with_counts_and_sample_keys() {
        sql("INSERT INTO accounts VALUES (5, 'Again', 1.00, true), (5, 'And again', 1.00, true), (6, 'Twice', 1.00, true)");
        assertThatThrownBy(this::detect).isInstanceOfSatisfying(ModelHasDuplicateKeys.class, e -> {
            assertThat(e.keys()).isEqualTo(2);
            assertThat(e.rows()).isEqualTo(5);
            assertThat(e.samples()).containsExactly(new ModelHasDuplicateKeys.DuplicateKey(RowKey.of("5"), 3),
                    new ModelHasDuplicateKeys.DuplicateKey(RowKey.of("6"), 2));
            assertThat(e.getMessage()).contains("2 primary key value(s) [id] shared by more than one row (5 rows in all)");
        });
    }

    @Test
    void a_baseline_records_every_row_as_synced_so_the_next_run_sends_only_what_changed_since() {
        assertThat(snapshots.baseline(SYNC, source(), ACCOUNTS, DetectOptions.allColumns())).isEqualTo(100);
        assertThat(snapshots.size(SYNC)).isEqualTo(100);
        assertThat(snapshots.generation(SYNC)).isPresent();
        try (ChangeSet unchanged = detect()) {
            assertThat(unchanged.counts()).isEqualTo(new ChangeCounts(100, 0, 0, 0, 0));
        }
        sql("UPDATE accounts SET name = 'Renamed' WHERE id IN (3, 4)");
        sql("DELETE FROM accounts WHERE id = 7");
        sql("INSERT INTO accounts VALUES (101, 'New', 1.00, true)");
        try (ChangeSet changes = detect()) {
            assertThat(changes.counts()).isEqualTo(new ChangeCounts(100, 1, 2, 1, 0));
            List<Change> all = list(changes);
            assertThat(keysOf(all, ChangeKind.CHANGED)).containsExactlyInAnyOrder("3", "4");
            assertThat(keysOf(all, ChangeKind.REMOVED)).containsExactly("7");
            // The baseline knows no Salesforce record: the writer finds it by the sync's match.
            assertThat(all).allSatisfy(c -> assertThat(c.recordId()).isNull());
            changes.record(succeedAll(changes));
            changes.commit();
        }
        try (ChangeSet rerun = detect()) {
            assertThat(list(rerun)).isEmpty();
        }
    }

    @Test
    void a_baseline_is_refused_once_the_sync_has_synced_rows_and_for_a_model_with_duplicate_keys() {
        sql("INSERT INTO accounts VALUES (5, 'Again', 1.00, true)");
        assertThatThrownBy(() -> snapshots.baseline(SYNC, source(), ACCOUNTS, DetectOptions.allColumns()))
                .isInstanceOf(ModelHasDuplicateKeys.class);
        assertThat(snapshots.size(SYNC)).isZero();
        sql("DELETE FROM accounts WHERE name = 'Again'");
        syncAll();
        String before = snapshots.generation(SYNC).toString();
        assertThatThrownBy(() -> snapshots.baseline(SYNC, source(), ACCOUNTS, DetectOptions.allColumns()))
                .isInstanceOf(SnapshotNotEmpty.class)
                .hasMessageContaining("Sync 'accounts_to_salesforce' already has 100 synced rows").hasMessageContaining("without --baseline");
        assertThat(snapshots.generation(SYNC).toString()).isEqualTo(before);
        // The refused baseline left nothing open: the sync detects as before.
        try (ChangeSet rerun = detect()) {
            assertThat(list(rerun)).isEmpty();
        }
    }

    @Test
    void sql_errors_carry_the_source_message() {
        Model broken = Model.of("broken", "SELECT id, nme FROM accounts", "id");
        assertThatThrownBy(() -> detect(broken)).isInstanceOfSatisfying(ModelQueryFailed.class, e -> {
            assertThat(e.sourceMessage()).containsIgnoringCase("nme");
            assertThat(e.getMessage()).startsWith("Model 'broken' failed on source '" + source().name() + "': ").contains(e.sourceMessage());
        });
    }

    @Test
    void a_missing_key_column_is_named_with_the_columns_the_query_returns() {
        Model keyless = Model.of("keyless", "SELECT name, amount FROM accounts", "id");
        assertThatThrownBy(() -> detect(keyless)).isInstanceOf(ModelMissingKeyColumn.class)
                .hasMessageContaining("returns no column 'id'").hasMessageContaining("[name, amount]");
    }

    @Test
    void composite_keys_are_matched_on_every_column() {
        sql("DROP TABLE IF EXISTS regional");
        sql("CREATE TABLE regional (region VARCHAR(10), id BIGINT, name VARCHAR(100))");
        sql("INSERT INTO regional VALUES ('EU', 1, 'a'), ('US', 1, 'b'), ('EU', 2, 'c')");
        Model regional = Model.of("regional", "SELECT region, id, name FROM regional", "region", "id");
        try (ChangeSet changes = detect(regional)) {
            assertThat(list(changes)).extracting(Change::key).containsExactlyInAnyOrder(RowKey.of("EU", "1"), RowKey.of("US", "1"), RowKey.of("EU", "2"));
            changes.record(succeedAll(changes));
            changes.commit();
        }
        sql("UPDATE regional SET name = 'changed' WHERE region = 'US' AND id = 1");
        try (ChangeSet changes = detect(regional)) {
            assertThat(list(changes)).singleElement().satisfies(c -> {
                assertThat(c.kind()).isEqualTo(ChangeKind.CHANGED);
                assertThat(c.key()).isEqualTo(RowKey.of("US", "1"));
                assertThat(c.key().toString()).isEqualTo("(US, 1)");
            });
        }
    }

    @Test
    void dropping_a_mapping_resends_only_rows_changed_since_and_adding_one_resends_every_synced_row() {
        Map<String, String> nameAndAmount = Map.of("Name", "name", "AnnualRevenue", "amount");
        syncAll(DetectOptions.mapped(nameAndAmount));
        sql("UPDATE accounts SET active = NOT active");
        try (ChangeSet unmapped = snapshots.detect(SYNC, source(), ACCOUNTS, DetectOptions.mapped(nameAndAmount))) {
            assertThat(unmapped.counts().total()).as("a change in an unmapped column sends nothing").isZero();
        }
        sql("UPDATE accounts SET amount = 0 WHERE id = 1");
        try (ChangeSet dropped = snapshots.detect(SYNC, source(), ACCOUNTS, DetectOptions.mapped(Map.of("Name", "name")))) {
            // The snapshot keeps one hash per row, so a row that changed since the last run is resent even when
            // only its dropped column changed; the 99 others are not.
            assertThat(list(dropped)).extracting(c -> c.key().toString()).containsExactly("1");
            assertThat(dropped.notices()).singleElement().asString().contains("dropped");
            dropped.record(succeedAll(dropped));
            dropped.commit();
        }
        try (ChangeSet added = snapshots.detect(SYNC, source(), ACCOUNTS, DetectOptions.mapped(Map.of("Name", "name", "Active__c", "active")))) {
            assertThat(added.counts().changed()).isEqualTo(100);
            assertThat(added.notices()).singleElement().asString().contains("Active__c").contains("every synced row");
            added.record(succeedAll(added));
            added.commit();
        }
        try (ChangeSet settled = snapshots.detect(SYNC, source(), ACCOUNTS, DetectOptions.mapped(Map.of("Name", "name", "Active__c", "active")))) {
            assertThat(settled.counts().total()).isZero();
        }
    }

    @Test
    void a_full_resync_sends_every_row_but_keeps_the_snapshot_until_commit() {
        syncAll();
        sql("DELETE FROM accounts WHERE id = 1");
        try (ChangeSet full = snapshots.detect(SYNC, source(), ACCOUNTS, DetectOptions.allColumns().withFullResync())) {
            assertThat(full.counts()).isEqualTo(new ChangeCounts(99, 0, 99, 1, 0));
        }
        try (ChangeSet normal = detect()) {
            assertThat(normal.counts()).isEqualTo(new ChangeCounts(99, 0, 0, 1, 0));
        }
    }

    @Test
    void outcomes_recorded_by_a_change_set_that_was_never_committed_are_committed_by_the_next_detection() {
        try (ChangeSet changes = detect()) {
            changes.record(succeedAll(changes).subList(0, 40));
            // No commit: as if the process had died after sending 40 rows.
        }
        try (ChangeSet next = detect()) {
            assertThat(next.counts().added()).isEqualTo(60);
        }
        assertThat(snapshots.size(SYNC)).isEqualTo(40);
    }

    @Test
    void changing_the_model_key_is_refused() {
        syncAll();
        Model byName = Model.of("accounts", "SELECT id, name, amount, active FROM accounts", "name");
        assertThatThrownBy(() -> detect(byName)).isInstanceOf(ModelKeyChanged.class).hasMessageContaining("changed from id");
    }

    @Test
    void a_sync_has_one_open_change_set_at_a_time() {
        try (ChangeSet ignored = detect()) {
            assertThatThrownBy(this::detect).isInstanceOf(IllegalStateException.class).hasMessageContaining("already has an open change set");
        }
        try (ChangeSet reopened = detect()) {
            assertThat(reopened.counts().added()).isEqualTo(100);
        }
    }

    ChangeSet detect() {
        return detect(ACCOUNTS);
    }

    ChangeSet detect(Model model) {
        return snapshots.detect(SYNC, source(), model, DetectOptions.allColumns());
    }

    void syncAll() {
        syncAll(DetectOptions.allColumns());
    }

    void syncAll(DetectOptions options) {
        try (ChangeSet changes = snapshots.detect(SYNC, source(), ACCOUNTS, options)) {
            changes.record(succeedAll(changes));
            changes.commit();
        }
    }

    static List<Change> list(ChangeSet changes) {
        try (Stream<Change> stream = changes.changes()) {
            return stream.toList();
        }
    }

    static List<ChangeKind> kinds(ChangeSet changes) {
        return list(changes).stream().map(Change::kind).toList();
    }

    static List<String> keysOf(List<Change> changes, ChangeKind kind) {
        return changes.stream().filter(c -> c.kind() == kind).map(c -> c.key().toString()).toList();
    }

    /** Salesforce accepted every change; record ids are derived from the key so tests can check them later. */
    static List<RowOutcome> succeedAll(ChangeSet changes) {
        try (Stream<Change> stream = changes.changes(Set.of())) {
            return stream.map(c -> (RowOutcome) switch (c.kind()) {
                case ADDED -> new RowOutcome.Created(c.key(), recordId(c.key()));
                case CHANGED -> new RowOutcome.Updated(c.key(), c.recordId());
                case REMOVED -> new RowOutcome.Deleted(c.key(), c.recordId());
            }).toList();
        }
    }

    static String recordId(RowKey key) {
        String digits = String.join("", key.values()).replaceAll("[^0-9]", "");
        return "001" + "0".repeat(Math.max(0, 12 - digits.length())) + digits;
    }
}
