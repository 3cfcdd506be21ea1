package dev.sfsync.source.snapshot;

import dev.sfsync.core.SyncId;
import dev.sfsync.core.change.ChangeSet;
import dev.sfsync.core.model.Model;
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
import java.util.Map;

import static dev.sfsync.source.snapshot.ChangeDetectionContract.succeedAll;
import static org.assertj.core.api.Assertions.assertThat;

/** Constant mappings are part of what the snapshot remembers: changing one resends every synced row once. */
class ConstantMappingsTest {
    static final SyncId SYNC = SyncId.of("accounts");
    static final Model ACCOUNTS = Model.of("accounts", "SELECT id, name FROM accounts", "id");
    static final DetectOptions NAME = DetectOptions.mapped(Map.of("Name", "name"));

    @TempDir
    Path dir;
    SnapshotStore snapshots;

    @BeforeEach
    void open() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("warehouse.duckdb"));
             Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE accounts AS SELECT g AS id, 'Account ' || g AS name FROM generate_series(1, 30) AS t(g)");
        }
        openSnapshots();
    }

    @AfterEach
    void close() {
        snapshots.close();
    }

    @Test
    void adding_or_changing_a_constant_resends_every_synced_row_once_and_dropping_one_resends_nothing() {
        assertThat(sync(NAME.withConstants(Map.of("Tier__c", "text:Gold")))).isEqualTo(30);
        assertThat(sync(NAME.withConstants(Map.of("Tier__c", "text:Gold")))).as("same constant").isZero();

        try (ChangeSet changed = detect(NAME.withConstants(Map.of("Tier__c", "text:Silver")))) {
            assertThat(changed.counts().changed()).isEqualTo(30);
            assertThat(changed.notices()).singleElement().asString().contains("Tier__c").contains("every synced row is sent once more");
            commitAll(changed);
        }
        assertThat(sync(NAME.withConstants(Map.of("Tier__c", "text:Silver")))).as("the run after").isZero();

        Map<String, String> two = Map.of("Tier__c", "text:Silver", "Rating", "text:Hot");
        try (ChangeSet added = detect(NAME.withConstants(two))) {
            assertThat(added.counts().changed()).isEqualTo(30);
            assertThat(added.notices()).singleElement().asString().contains("(Rating)");
            commitAll(added);
        }
        try (ChangeSet dropped = detect(NAME.withConstants(Map.of("Rating", "text:Hot")))) {
            assertThat(dropped.counts().total()).isZero();
            commitAll(dropped);
        }
        assertThat(sync(NAME)).as("every constant dropped").isZero();
    }

    @Test
    void a_constant_is_never_taken_for_a_column_of_the_same_name() {
        sync(DetectOptions.mapped(Map.of("Name", "name", "Description", "name")));
        try (ChangeSet switched = detect(NAME.withConstants(Map.of("Description", "name")))) {
            assertThat(switched.counts().changed()).as("a column mapping became a constant").isEqualTo(30);
        }
    }

    @Test
    void a_snapshot_whose_fingerprint_is_in_the_first_encoding_is_still_read() throws SQLException {
        sync(NAME);
        snapshots.close();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("state").resolve(SnapshotStore.FILE_NAME));
             Statement s = connection.createStatement()) {
            assertThat(s.executeUpdate("UPDATE sync_snapshots SET fingerprint = 'Name' || chr(9) || 'name'")).isEqualTo(1);
        }
        openSnapshots();
        try (ChangeSet unchanged = detect(NAME)) {
            assertThat(unchanged.counts().total()).isZero();
            assertThat(unchanged.notices()).isEmpty();
        }
        try (ChangeSet constant = detect(NAME.withConstants(Map.of("Tier__c", "text:Gold")))) {
            assertThat(constant.counts().changed()).isEqualTo(30);
        }
    }

    /** @return the rows sent */
    long sync(DetectOptions options) {
        try (ChangeSet changes = detect(options)) {
            long sent = changes.counts().total();
            commitAll(changes);
            return sent;
        }
    }

    ChangeSet detect(DetectOptions options) {
        return snapshots.detect(SYNC, source(), ACCOUNTS, options);
    }

    static void commitAll(ChangeSet changes) {
        changes.record(succeedAll(changes));
        changes.commit();
    }

    void openSnapshots() {
        snapshots = SnapshotStore.open(dir.resolve("state"), new SnapshotSettings("256MB", 1));
    }

    Source source() {
        return DuckDbSource.file("warehouse", dir.resolve("warehouse.duckdb"));
    }
}
