package dev.sfsync.source.snapshot;

import dev.sfsync.core.change.CommitResult;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Applies a run's recorded outcomes to its sync's snapshot, in one DuckDB transaction: successes of added and
 * changed rows take their new hash (and Salesforce record Id), successes of removed rows leave the snapshot,
 * failures are counted for the retry, and the run's tables are dropped. Before the commit, DuckDB's write-ahead
 * log holds none of it; a crash at any statement leaves the previous snapshot, and the run stays pending.
 */
final class SnapshotCommit {
    static final String SUCCESS = "('CREATED', 'UPDATED', 'DELETED', 'UNCHANGED', 'MERGED')";

    private SnapshotCommit() {
    }

    static CommitResult apply(Connection connection, Registry registry, SyncTables tables, long runNo, CommitHook hook) throws SQLException {
        String changes = tables.changes(runNo);
        String outcomes = tables.outcomes(runNo);
        int n = tables.keyCount();
        return Sql.inTransaction(connection, () -> {
            Sql.execute(connection, "CREATE OR REPLACE TEMP TABLE sfsync_outcome AS SELECT c._sfsync_kind AS kind, " + tables.keys("c")
                    + ", c._sfsync_h AS h, c._sfsync_record_id AS previous_id, c._sfsync_prior AS prior, o._sfsync_status AS status,"
                    + " o._sfsync_record_id AS record_id, o._sfsync_code AS code, o._sfsync_message AS message"
                    + " FROM " + changes + " c JOIN (SELECT * FROM " + outcomes + " QUALIFY row_number() OVER (PARTITION BY "
                    + Sql.each(n, ", ", k -> "_sfsync_t" + k) + " ORDER BY _sfsync_seq DESC) = 1) o ON " + tables.textKeysMatch("c", "o"));
            hook.reached("outcomes joined");
            Sql.execute(connection, "DELETE FROM " + tables.snapshot() + " s USING sfsync_outcome o WHERE o.status IN " + SUCCESS
                    + " AND " + tables.keysMatch("s", "o"));
            hook.reached("snapshot rows deleted");
            Sql.execute(connection, "INSERT INTO " + tables.snapshot() + " SELECT " + tables.keys("o") + ", o.h, coalesce(o.record_id, o.previous_id)"
                    + " FROM sfsync_outcome o WHERE o.status IN " + SUCCESS + " AND o.kind <> 'REMOVED'");
            hook.reached("snapshot rows inserted");
            Sql.execute(connection, "DELETE FROM " + tables.failures() + " f WHERE EXISTS (SELECT 1 FROM sfsync_outcome o WHERE "
                    + tables.keysMatch("f", "o") + ") OR NOT EXISTS (SELECT 1 FROM " + changes + " c WHERE " + tables.keysMatch("f", "c") + ")");
            Sql.execute(connection, "INSERT INTO " + tables.failures() + " SELECT " + tables.keys("o") + ", o.prior + 1, o.code, o.message"
                    + " FROM sfsync_outcome o WHERE o.status NOT IN " + SUCCESS);
            CommitResult result = result(connection, changes, outcomes, n);
            Sql.execute(connection, "DROP TABLE " + changes);
            Sql.execute(connection, "DROP TABLE " + outcomes);
            registry.removePending(connection, runNo);
            Sql.execute(connection, "DROP TABLE sfsync_outcome");
            hook.reached("before commit");
            return result;
        });
    }

    private static CommitResult result(Connection connection, String changes, String outcomes, int keyCount) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT"
                + " (SELECT count(*) FROM sfsync_outcome WHERE status IN " + SUCCESS + " AND kind <> 'REMOVED'),"
                + " (SELECT count(*) FROM sfsync_outcome WHERE status IN " + SUCCESS + " AND kind = 'REMOVED'),"
                + " (SELECT count(*) FROM sfsync_outcome WHERE status NOT IN " + SUCCESS + "),"
                + " (SELECT count(*) FROM " + changes + ") - (SELECT count(*) FROM sfsync_outcome),"
                + " (SELECT count(DISTINCT (" + Sql.each(keyCount, ", ", k -> "_sfsync_t" + k) + ")) FROM " + outcomes
                + ") - (SELECT count(*) FROM sfsync_outcome)")) {
            rs.next();
            return new CommitResult(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
        }
    }
}
