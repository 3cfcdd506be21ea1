package dev.sfsync.source.snapshot;

import dev.sfsync.core.SyncId;
import dev.sfsync.core.change.Change;
import dev.sfsync.core.change.ChangeKind;
import dev.sfsync.core.change.ChangeSet;
import dev.sfsync.core.change.SharedValue;
import dev.sfsync.core.model.Model;
import dev.sfsync.core.model.RowKey;
import dev.sfsync.core.outcome.RowError;
import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.source.Source;
import dev.sfsync.source.duckdb.DuckDbSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.sfsync.source.snapshot.ChangeDetectionContract.list;
import static dev.sfsync.source.snapshot.ChangeDetectionContract.succeedAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Values of a column that must be unique (the match column) shared by several rows of the whole model. */
class SharedValuesTest {
    static final SyncId SYNC = SyncId.of("accounts");
    static final Model ACCOUNTS = Model.of("accounts", "SELECT id, name, account_key FROM accounts", "id");
    static final DetectOptions OPTIONS = DetectOptions.mapped(Map.of("Name", "name", "External_Key__c", "account_key"))
            .withUniqueColumns(Set.of("ACCOUNT_KEY"));

    @TempDir
    Path dir;
    SnapshotStore snapshots;

    @BeforeEach
    void open() {
        sql("CREATE TABLE accounts (id BIGINT, name VARCHAR, account_key VARCHAR)",
                "INSERT INTO accounts SELECT g, 'Account ' || g, 'K-' || g FROM generate_series(1, 20) AS t(g)");
        snapshots = SnapshotStore.open(dir.resolve("state"), new SnapshotSettings("256MB", 1));
    }

    @AfterEach
    void close() {
        snapshots.close();
    }

    @Test
    void rows_sharing_a_value_are_each_marked_with_the_count_and_the_others_are_not() {
        sql("UPDATE accounts SET account_key = 'K-3' WHERE id IN (4, 5)");
        try (ChangeSet changes = detect()) {
            List<Change> all = list(changes);
            assertThat(all).hasSize(20);
            assertThat(all).filteredOn(c -> !c.sharedValues().isEmpty()).extracting(c -> c.key().toString())
                    .containsExactlyInAnyOrder("3", "4", "5");
            assertThat(change(all, "4").sharedValue("account_key")).contains(new SharedValue("account_key", 3, 3));
        }
    }

    @Test
    void a_new_row_sharing_the_value_of_a_synced_unchanged_row_is_marked_and_comes_back_until_fixed() {
        syncAll();
        sql("INSERT INTO accounts VALUES (21, 'Newcomer', 'K-2')");
        try (ChangeSet changes = detect()) {
            Change added = list(changes).getFirst();
            assertThat(list(changes)).hasSize(1);
            assertThat(added.kind()).isEqualTo(ChangeKind.ADDED);
            assertThat(added.key()).isEqualTo(RowKey.of("21"));
            assertThat(added.sharedValues()).containsExactly(new SharedValue("account_key", 2, 2));
            changes.record(List.of(new RowOutcome.RejectedLocally(added.key(), RowError.of("DUPLICATE_EXTERNAL_ID", "shared"))));
            changes.commit();
        }
        try (ChangeSet retried = detect()) {
            assertThat(list(retried)).singleElement().satisfies(c -> {
                assertThat(c.key()).isEqualTo(RowKey.of("21"));
                assertThat(c.priorFailures()).isEqualTo(1);
                assertThat(c.sharedValues()).containsExactly(new SharedValue("account_key", 2, 2));
            });
        }
        sql("UPDATE accounts SET account_key = 'K-21' WHERE id = 21");
        try (ChangeSet fixed = detect()) {
            assertThat(list(fixed)).singleElement().satisfies(c -> assertThat(c.sharedValues()).isEmpty());
        }
    }

    @Test
    void case_variants_count_apart_from_exact_repeats() {
        syncAll();
        sql("INSERT INTO accounts VALUES (21, 'Exact', 'K-1'), (22, 'Lower', 'k-1')");
        try (ChangeSet changes = detect()) {
            List<Change> all = list(changes);
            assertThat(change(all, "21").sharedValues()).containsExactly(new SharedValue("account_key", 2, 3));
            assertThat(change(all, "22").sharedValues()).containsExactly(new SharedValue("account_key", 1, 3));
            assertThat(change(all, "22").sharedValue("account_key").orElseThrow().rows(true)).isEqualTo(1);
        }
    }

    @Test
    void null_and_blank_values_are_not_shared_values() {
        sql("UPDATE accounts SET account_key = NULL WHERE id IN (1, 2)", "UPDATE accounts SET account_key = '' WHERE id IN (3, 4)",
                "UPDATE accounts SET account_key = '  ' WHERE id IN (5, 6)");
        try (ChangeSet changes = detect()) {
            assertThat(list(changes)).hasSize(20).allSatisfy(c -> assertThat(c.sharedValues()).isEmpty());
        }
    }

    @Test
    void removed_rows_and_detections_not_asking_carry_no_shared_values() {
        sql("UPDATE accounts SET account_key = 'K-1'");
        try (ChangeSet unasked = snapshots.detect(SYNC, source(), ACCOUNTS, DetectOptions.mapped(OPTIONS.mappedColumns()))) {
            assertThat(list(unasked)).hasSize(20).allSatisfy(c -> assertThat(c.sharedValues()).isEmpty());
            unasked.record(succeedAll(unasked));
            unasked.commit();
        }
        sql("DELETE FROM accounts WHERE id = 1");
        try (ChangeSet changes = detect()) {
            assertThat(list(changes)).singleElement().satisfies(c -> {
                assertThat(c.kind()).isEqualTo(ChangeKind.REMOVED);
                assertThat(c.sharedValues()).isEmpty();
            });
        }
    }

    @Test
    void a_unique_column_the_model_lacks_is_named() {
        DetectOptions missing = OPTIONS.withUniqueColumns(Set.of("acount_key"));
        assertThatThrownBy(() -> snapshots.detect(SYNC, source(), ACCOUNTS, missing)).isInstanceOf(MappedColumnMissing.class)
                .hasMessageContaining("'acount_key'").hasMessageContaining("[id, name, account_key]");
    }

    @Test
    void outcomes_are_recorded_on_one_thread_only() throws Exception {
        try (ChangeSet changes = detect()) {
            List<RowOutcome> outcomes = succeedAll(changes);
            changes.record(outcomes.subList(0, 1));
            Throwable[] refused = new Throwable[1];
            Thread other = Thread.ofPlatform().name("writer-2").start(() -> {
                try {
                    changes.record(outcomes.subList(1, 2));
                } catch (Throwable t) {
                    refused[0] = t;
                }
            });
            other.join();
            assertThat(refused[0]).isInstanceOf(IllegalStateException.class).hasMessageContaining("'writer-2'")
                    .hasMessageContaining("hand the outcomes to the thread that recorded first");
            changes.record(outcomes.subList(1, outcomes.size()));
            assertThat(changes.commit().advanced()).isEqualTo(20);
        }
    }

    ChangeSet detect() {
        return snapshots.detect(SYNC, source(), ACCOUNTS, OPTIONS);
    }

    void syncAll() {
        try (ChangeSet changes = detect()) {
            changes.record(succeedAll(changes));
            changes.commit();
        }
    }

    static Change change(List<Change> changes, String key) {
        return changes.stream().filter(c -> c.key().equals(RowKey.of(key))).findFirst().orElseThrow();
    }

    Source source() {
        return DuckDbSource.file("warehouse", dir.resolve("warehouse.duckdb"));
    }

    void sql(String... statements) {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("warehouse.duckdb"));
             Statement s = connection.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
