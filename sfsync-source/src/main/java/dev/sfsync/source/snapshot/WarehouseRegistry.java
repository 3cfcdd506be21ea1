package dev.sfsync.source.snapshot;

import dev.sfsync.core.SyncId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The state schema's own bookkeeping, in two small tables of the warehouse: per sync what its key and hash cover,
 * and the runs whose changes were detected but not yet committed (committed by the next detection after a crash).
 */
final class WarehouseRegistry {
    record Entry(String keySignature, Fingerprint fingerprint, String hashProbe) {
    }

    record PendingRun(String run, int keyCount) {
    }

    private final WarehouseTables names;

    WarehouseRegistry(WarehouseTables names) {
        this.names = names;
    }

    void create(Connection connection) throws SQLException {
        String text = names.dialect().textType();
        Sql.execute(connection, names.dialect().createSchema(names.schema()));
        Sql.execute(connection, names.dialect().createTable(names.syncs(), List.of("sync_id " + text, "key_signature " + text,
                "fingerprint " + text, "hash_probe " + text)));
        Sql.execute(connection, names.dialect().createTable(names.runs(), List.of("run " + text, "sync_id " + text,
                "key_count " + names.dialect().integerType())));
        Sql.execute(connection, names.dialect().createTable(names.generations(), List.of("sync_id " + text, "generation " + names.dialect().integerType())));
    }

    /** How many runs have committed the sync's snapshot here; empty for one never committed (or kept before generations were). */
    java.util.OptionalLong generation(Connection connection, SyncId sync) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT generation FROM " + names.generations() + " WHERE sync_id = ?")) {
            statement.setString(1, sync.value());
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? java.util.OptionalLong.of(rs.getLong(1)) : java.util.OptionalLong.empty();
            }
        }
    }

    /** The run's outcomes are in its sync's snapshot: one generation more (a commit redone after a crash counts twice, which is harmless). */
    void advanceGeneration(Connection connection, String run) throws SQLException {
        String sync;
        try (PreparedStatement statement = connection.prepareStatement("SELECT sync_id FROM " + names.runs() + " WHERE run = ?")) {
            statement.setString(1, run);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                sync = rs.getString(1);
            }
        }
        advanceGeneration(connection, SyncId.of(sync));
    }

    /** The sync's snapshot moved (a run's commit, or a baseline): one generation more. */
    void advanceGeneration(Connection connection, SyncId sync) throws SQLException {
        long next = generation(connection, sync).orElse(0) + 1;
        update(connection, "DELETE FROM " + names.generations() + " WHERE sync_id = ?", sync.value());
        update(connection, "INSERT INTO " + names.generations() + " (sync_id, generation) VALUES (?, " + next + ")", sync.value());
    }

    Optional<Entry> find(Connection connection, SyncId sync) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT key_signature, fingerprint, hash_probe FROM " + names.syncs() + " WHERE sync_id = ?")) {
            statement.setString(1, sync.value());
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(new Entry(rs.getString(1), Fingerprint.decode(rs.getString(2)), rs.getString(3))) : Optional.empty();
            }
        }
    }

    void insert(Connection connection, SyncId sync, Entry entry) throws SQLException {
        update(connection, "INSERT INTO " + names.syncs() + " (sync_id, key_signature, fingerprint, hash_probe) VALUES (?, ?, ?, ?)",
                sync.value(), entry.keySignature(), entry.fingerprint().encode(), entry.hashProbe());
    }

    void updateFingerprint(Connection connection, SyncId sync, Fingerprint fingerprint, String hashProbe) throws SQLException {
        update(connection, "UPDATE " + names.syncs() + " SET fingerprint = ?, hash_probe = ? WHERE sync_id = ?",
                fingerprint.encode(), hashProbe, sync.value());
    }

    void delete(Connection connection, SyncId sync) throws SQLException {
        update(connection, "DELETE FROM " + names.syncs() + " WHERE sync_id = ?", sync.value());
        update(connection, "DELETE FROM " + names.runs() + " WHERE sync_id = ?", sync.value());
        update(connection, "DELETE FROM " + names.generations() + " WHERE sync_id = ?", sync.value());
    }

    void addRun(Connection connection, SyncId sync, String run, int keyCount) throws SQLException {
        update(connection, "INSERT INTO " + names.runs() + " (run, sync_id, key_count) VALUES (?, ?, " + keyCount + ")", run, sync.value());
    }

    void removeRun(Connection connection, String run) throws SQLException {
        update(connection, "DELETE FROM " + names.runs() + " WHERE run = ?", run);
    }

    List<PendingRun> pending(Connection connection, SyncId sync) throws SQLException {
        List<PendingRun> runs = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT run, key_count FROM " + names.runs() + " WHERE sync_id = ? ORDER BY run")) {
            statement.setString(1, sync.value());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    runs.add(new PendingRun(rs.getString(1), rs.getInt(2)));
                }
            }
        }
        return runs;
    }

    private static void update(Connection connection, String sql, String... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
