package dev.sfsync.source.snapshot;

import dev.sfsync.core.change.CommitResult;
import dev.sfsync.source.warehouse.WarehouseDialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Applies a run's recorded outcomes to its sync's snapshot inside the warehouse, set-based: the outcomes table (the
 * staging table record() loads in bulk) is joined once to the changes into a settled table, then the snapshot takes
 * the accepted rows in one statement. Where the warehouse's DDL is transactional, the whole commit is one
 * transaction; elsewhere the snapshot moves in one MERGE and every later step can be redone, so a crash at any
 * point is repaired by the next detection committing the run again.
 */
final class WarehouseCommit {
    private WarehouseCommit() {
    }

    static CommitResult apply(Connection connection, WarehouseTables tables, String run, CommitHook hook) throws SQLException {
        WarehouseDialect dialect = tables.dialect();
        Sql.execute(connection, dialect.dropTable(tables.settled(run)));
        Sql.execute(connection, settle(tables, run));
        CommitResult result = result(connection, tables, tables.changes(run), tables.outcomes(run), tables.settled(run));
        hook.reached("outcomes joined");
        List<String> advance = advance(tables, run);
        if (dialect.advance() == WarehouseDialect.Advance.TRANSACTION) {
            Sql.inTransaction(connection, () -> {
                Sql.execute(connection, advance.get(0));
                hook.reached("snapshot rows deleted");
                Sql.execute(connection, advance.get(1));
                hook.reached("snapshot rows inserted");
                finish(connection, tables, run, hook);
                return null;
            });
        } else {
            Sql.execute(connection, advance.getFirst());
            hook.reached("snapshot merged");
            finish(connection, tables, run, hook);
        }
        return result;
    }

    /** The run's changes with their last recorded outcome each, as a table the advance reads. */
    static String settle(WarehouseTables tables, String run) {
        return tables.dialect().createTableAs(tables.settled(run), "SELECT c._sfsync_kind AS _sfsync_kind, " + tables.keys("c")
                + ", c._sfsync_h AS _sfsync_h, c._sfsync_prior AS _sfsync_prior, o._sfsync_status AS _sfsync_status,"
                + " coalesce(o._sfsync_record_id, c._sfsync_record_id) AS _sfsync_record_id, o._sfsync_code AS _sfsync_code,"
                + " o._sfsync_message AS _sfsync_message FROM " + tables.changes(run) + " c JOIN (SELECT * FROM (SELECT x.*, row_number() OVER"
                + " (PARTITION BY " + tables.textKeyNames() + " ORDER BY _sfsync_seq DESC) AS _sfsync_rn FROM " + tables.outcomes(run) + " x) l"
                + " WHERE _sfsync_rn = 1) o ON " + tables.textKeysMatch("c", "o"));
    }

    /** The snapshot's move for the accepted rows: DELETE then INSERT ... SELECT, or one MERGE, as the dialect does it. */
    static List<String> advance(WarehouseTables tables, String run) {
        String settled = tables.settled(run);
        String success = "_sfsync_status IN " + SnapshotCommit.SUCCESS;
        if (tables.dialect().advance() == WarehouseDialect.Advance.TRANSACTION) {
            return List.of(tables.dialect().deleteFrom(tables.snapshot(), "s", "EXISTS (SELECT 1 FROM " + settled + " o WHERE o." + success
                            + " AND " + tables.keysMatch("s", "o") + ")"),
                    "INSERT INTO " + tables.snapshot() + " (" + tables.keyNames() + ", _sfsync_h, _sfsync_record_id) SELECT " + tables.keyNames()
                            + ", _sfsync_h, _sfsync_record_id FROM " + settled + " WHERE " + success + " AND _sfsync_kind <> 'REMOVED'");
        }
        return List.of("MERGE INTO " + tables.snapshot() + " s USING (SELECT " + tables.keyNames() + ", _sfsync_h, _sfsync_record_id,"
                + " _sfsync_kind FROM " + settled + " WHERE " + success + ") a ON " + tables.keysMatch("s", "a")
                + " WHEN MATCHED AND a._sfsync_kind = 'REMOVED' THEN DELETE"
                + " WHEN MATCHED THEN UPDATE SET _sfsync_h = a._sfsync_h, _sfsync_record_id = a._sfsync_record_id"
                + " WHEN NOT MATCHED AND a._sfsync_kind <> 'REMOVED' THEN INSERT (" + tables.keyNames() + ", _sfsync_h, _sfsync_record_id)"
                + " VALUES (" + tables.keys("a") + ", a._sfsync_h, a._sfsync_record_id)");
    }

    /** Failures take the run's failed rows (and forget rows no longer changed), after the snapshot moved. */
    static List<String> failures(WarehouseTables tables, String run) {
        String settled = tables.settled(run);
        return List.of(tables.dialect().deleteFrom(tables.failures(), "f", "EXISTS (SELECT 1 FROM " + settled + " o WHERE "
                        + tables.keysMatch("f", "o") + ") OR NOT EXISTS (SELECT 1 FROM " + tables.changes(run) + " c WHERE " + tables.keysMatch("f", "c") + ")"),
                "INSERT INTO " + tables.failures() + " (" + tables.keyNames() + ", _sfsync_attempts, _sfsync_code, _sfsync_message)"
                        + " SELECT " + tables.keyNames() + ", _sfsync_prior + 1, _sfsync_code, _sfsync_message FROM " + settled
                        + " WHERE _sfsync_status NOT IN " + SnapshotCommit.SUCCESS);
    }

    /** Failures updated; the run is no longer pending; its tables go. */
    private static void finish(Connection connection, WarehouseTables tables, String run, CommitHook hook) throws SQLException {
        WarehouseDialect dialect = tables.dialect();
        for (String statement : failures(tables, run)) {
            Sql.execute(connection, statement);
        }
        new WarehouseRegistry(tables).advanceGeneration(connection, run);
        new WarehouseRegistry(tables).removeRun(connection, run);
        hook.reached("run settled");
        Sql.execute(connection, dialect.dropTable(tables.changes(run)));
        Sql.execute(connection, dialect.dropTable(tables.outcomes(run)));
        Sql.execute(connection, dialect.dropTable(tables.settled(run)));
        hook.reached("before commit");
    }

    private static CommitResult result(Connection connection, WarehouseTables tables, String changes, String outcomes, String settled)
            throws SQLException {
        String success = "_sfsync_status IN " + SnapshotCommit.SUCCESS;
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT"
                + " (SELECT count(*) FROM " + settled + " WHERE " + success + " AND _sfsync_kind <> 'REMOVED'),"
                + " (SELECT count(*) FROM " + settled + " WHERE " + success + " AND _sfsync_kind = 'REMOVED'),"
                + " (SELECT count(*) FROM " + settled + " WHERE NOT (" + success + ")),"
                + " (SELECT count(*) FROM " + changes + ") - (SELECT count(*) FROM " + settled + "),"
                + " (SELECT count(*) FROM (SELECT " + tables.textKeyNames() + " FROM " + outcomes + " GROUP BY " + tables.textKeyNames()
                + ") k) - (SELECT count(*) FROM " + settled + ")")) {
            rs.next();
            return new CommitResult(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
        }
    }
}
