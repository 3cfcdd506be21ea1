package dev.sfsync.source.snapshot;

import dev.sfsync.core.SyncId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The snapshot store's own bookkeeping: which table number each sync's snapshot has, what its key and hash cover,
 * and which runs have recorded outcomes not yet committed (to be committed by the next detection after a crash).
 */
final class Registry {
    record Entry(SyncId sync, long tableNo, String keySignature, Fingerprint fingerprint, String hashProbe) {
    }

    record PendingRun(long runNo, SyncTables tables) {
    }

    private final String catalog;

    Registry(String catalog) {
        this.catalog = catalog;
    }

    void create(Connection connection) throws SQLException {
        Sql.execute(connection, "CREATE TABLE IF NOT EXISTS " + syncs() + " (sync_id VARCHAR NOT NULL, table_no BIGINT NOT NULL,"
                + " key_signature VARCHAR NOT NULL, fingerprint VARCHAR NOT NULL, hash_probe VARCHAR NOT NULL, updated_at TIMESTAMP NOT NULL)");
        Sql.execute(connection, "CREATE TABLE IF NOT EXISTS " + pending() + " (run_no BIGINT NOT NULL, sync_id VARCHAR NOT NULL,"
                + " table_no BIGINT NOT NULL, key_count INTEGER NOT NULL, created_at TIMESTAMP NOT NULL)");
        Sql.execute(connection, "CREATE SEQUENCE IF NOT EXISTS " + table("numbers"));
        Sql.execute(connection, "CREATE TABLE IF NOT EXISTS " + generations() + " (sync_id VARCHAR NOT NULL, generation BIGINT NOT NULL)");
    }

    java.util.OptionalLong generation(Connection connection, SyncId sync) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT generation FROM " + generations() + " WHERE sync_id = ?")) {
            statement.setString(1, sync.value());
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? java.util.OptionalLong.of(rs.getLong(1)) : java.util.OptionalLong.empty();
            }
        }
    }

    private String generations() {
        return table("generations");
    }

    /** A baseline filled the sync's snapshot without a run: its number is the snapshot's generation, as a run's would be. */
    void setGeneration(Connection connection, SyncId sync, long generation) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + generations() + " WHERE sync_id = ?");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + generations() + " VALUES (?, ?)")) {
            delete.setString(1, sync.value());
            delete.executeUpdate();
            insert.setString(1, sync.value());
            insert.setLong(2, generation);
            insert.executeUpdate();
        }
    }

    long nextNumber(Connection connection) throws SQLException {
        return Sql.queryLong(connection, "SELECT nextval('" + catalog.replace("'", "''") + ".main.numbers')");
    }

    Optional<Entry> find(Connection connection, SyncId sync) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT table_no, key_signature, fingerprint, hash_probe FROM " + syncs() + " WHERE sync_id = ?")) {
            statement.setString(1, sync.value());
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Entry(sync, rs.getLong(1), rs.getString(2), Fingerprint.decode(rs.getString(3)), rs.getString(4)))
                        : Optional.empty();
            }
        }
    }

    void insert(Connection connection, Entry entry) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + syncs() + " VALUES (?, ?, ?, ?, ?, now())")) {
            statement.setString(1, entry.sync().value());
            statement.setLong(2, entry.tableNo());
            statement.setString(3, entry.keySignature());
            statement.setString(4, entry.fingerprint().encode());
            statement.setString(5, entry.hashProbe());
            statement.executeUpdate();
        }
    }

    void updateFingerprint(Connection connection, SyncId sync, Fingerprint fingerprint, String hashProbe) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE " + syncs() + " SET fingerprint = ?, hash_probe = ?, updated_at = now() WHERE sync_id = ?")) {
            statement.setString(1, fingerprint.encode());
            statement.setString(2, hashProbe);
            statement.setString(3, sync.value());
            statement.executeUpdate();
        }
    }

    void delete(Connection connection, SyncId sync) throws SQLException {
        for (String table : List.of(syncs(), pending(), generations())) {
            try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + table + " WHERE sync_id = ?")) {
                statement.setString(1, sync.value());
                statement.executeUpdate();
            }
        }
    }

    /** Gives the snapshot, failures and pending runs of {@code from} to {@code to}. */
    void rename(Connection connection, SyncId from, SyncId to) throws SQLException {
        for (String table : List.of(syncs(), pending(), generations())) {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE " + table + " SET sync_id = ? WHERE sync_id = ?")) {
                statement.setString(1, to.value());
                statement.setString(2, from.value());
                statement.executeUpdate();
            }
        }
    }

    void addPending(Connection connection, SyncId sync, long runNo, SyncTables tables) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + pending() + " VALUES (?, ?, ?, ?, now())")) {
            statement.setLong(1, runNo);
            statement.setString(2, sync.value());
            statement.setLong(3, tables.tableNo());
            statement.setInt(4, tables.keyCount());
            statement.executeUpdate();
        }
    }

    /** The run's outcomes are in its sync's snapshot: the run is no longer pending, and its number is the snapshot's generation. */
    void removePending(Connection connection, long runNo) throws SQLException {
        Sql.execute(connection, "DELETE FROM " + generations() + " WHERE sync_id IN (SELECT sync_id FROM " + pending() + " WHERE run_no = " + runNo + ")");
        Sql.execute(connection, "INSERT INTO " + generations() + " SELECT sync_id, run_no FROM " + pending() + " WHERE run_no = " + runNo);
        Sql.execute(connection, "DELETE FROM " + pending() + " WHERE run_no = " + runNo);
    }

    List<PendingRun> pending(Connection connection, SyncId sync) throws SQLException {
        List<PendingRun> runs = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT run_no, table_no, key_count FROM " + pending() + " WHERE sync_id = ? ORDER BY run_no")) {
            statement.setString(1, sync.value());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    runs.add(new PendingRun(rs.getLong(1), new SyncTables(catalog, rs.getLong(2), rs.getInt(3))));
                }
            }
        }
        return runs;
    }

    /** Tables of runs whose detection died before registering them (they hold nothing that matters). */
    List<String> abandonedRunTables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT table_name FROM duckdb_tables() WHERE database_name = ?"
                + " AND (table_name LIKE 'rows\\_%' ESCAPE '\\' OR ((table_name LIKE 'changes\\_%' ESCAPE '\\' OR table_name LIKE 'outcomes\\_%' ESCAPE '\\')"
                + " AND TRY_CAST(split_part(table_name, '_', 2) AS BIGINT) NOT IN (SELECT run_no FROM " + pending() + ")))")) {
            statement.setString(1, catalog);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    tables.add(table(rs.getString(1)));
                }
            }
        }
        return tables;
    }

    /**
     * The lookup tables of set-based runs ({@code changes_N_lookupI}, and {@code changes_N_match} of the records found
     * by match value; made beside a change set and dropped when it ends), by the run number N they belong to.
     */
    Map<String, Long> lookupTables(Connection connection) throws SQLException {
        Map<String, Long> tables = new java.util.LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT table_name, TRY_CAST(split_part(table_name, '_', 2) AS BIGINT)"
                + " FROM duckdb_tables() WHERE database_name = ? AND (table_name LIKE 'changes\\_%\\_lookup%' ESCAPE '\\'"
                + " OR table_name LIKE 'changes\\_%\\_match' ESCAPE '\\')")) {
            statement.setString(1, catalog);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    tables.put(table(rs.getString(1)), rs.getObject(2) == null ? -1L : rs.getLong(2));
                }
            }
        }
        return tables;
    }

    private String syncs() {
        return table("sync_snapshots");
    }

    private String pending() {
        return table("pending_runs");
    }

    private String table(String name) {
        return Sql.ident(catalog) + ".main." + Sql.ident(name);
    }
}
