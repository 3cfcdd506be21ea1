package dev.sfsync.source.snapshot;

import dev.sfsync.core.outcome.RowOutcome;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Loads a batch of outcomes into a run's outcomes table in the warehouse (the staging table the commit applies),
 * durably: when {@link #load} returns, the rows are committed. Postgres takes them through {@code COPY ... FROM STDIN};
 * every other warehouse through multi-row INSERTs.
 */
interface OutcomeLoader {
    /** The outcomes table's columns, in the order loaders write them. */
    static String columns(WarehouseTables tables) {
        return tables.textKeyNames() + ", _sfsync_status, _sfsync_record_id, _sfsync_code, _sfsync_message, _sfsync_seq";
    }

    /**
     * @param firstSequence the sequence number of the first outcome; the others follow it, so the last outcome
     *                      recorded for a row wins at commit
     */
    void load(List<? extends RowOutcome> outcomes, long firstSequence) throws SQLException;

    /** COPY where the connection is Postgres's own driver's, batched INSERT otherwise. */
    static OutcomeLoader of(Connection connection, WarehouseTables tables, String outcomesTable) throws SQLException {
        return CopyOutcomeLoader.accepts(connection)
                ? new CopyOutcomeLoader(connection, tables, outcomesTable)
                : new InsertOutcomeLoader(connection, tables, outcomesTable);
    }
}
