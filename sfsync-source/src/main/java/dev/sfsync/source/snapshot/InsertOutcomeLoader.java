package dev.sfsync.source.snapshot;

import dev.sfsync.core.outcome.RowError;
import dev.sfsync.core.outcome.RowOutcome;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/** Outcomes in multi-row INSERTs: every warehouse's driver takes them. */
final class InsertOutcomeLoader implements OutcomeLoader {
    /** Rows per INSERT: few round trips, and well under every driver's limit on parameters. */
    private static final int ROWS_PER_INSERT = 500;

    private final Connection connection;
    private final WarehouseTables tables;
    private final String outcomesTable;

    InsertOutcomeLoader(Connection connection, WarehouseTables tables, String outcomesTable) {
        this.connection = connection;
        this.tables = tables;
        this.outcomesTable = outcomesTable;
    }

    @Override
    public void load(List<? extends RowOutcome> outcomes, long firstSequence) throws SQLException {
        for (int from = 0; from < outcomes.size(); from += ROWS_PER_INSERT) {
            insert(outcomes.subList(from, Math.min(outcomes.size(), from + ROWS_PER_INSERT)), firstSequence + from);
        }
    }

    private void insert(List<? extends RowOutcome> outcomes, long firstSequence) throws SQLException {
        String row = "(" + String.join(", ", Collections.nCopies(tables.keyCount() + 5, "?")) + ")";
        String sql = "INSERT INTO " + outcomesTable + " (" + OutcomeLoader.columns(tables) + ") VALUES "
                + String.join(", ", Collections.nCopies(outcomes.size(), row));
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int p = 1;
            long sequence = firstSequence;
            for (RowOutcome outcome : outcomes) {
                for (String value : outcome.key().values()) {
                    statement.setString(p++, value);
                }
                RowError error = outcome.error();
                statement.setString(p++, outcome.status().name());
                statement.setString(p++, outcome.recordId());
                statement.setString(p++, error == null ? null : error.code());
                statement.setString(p++, error == null ? null : error.message());
                statement.setLong(p++, sequence++);
            }
            statement.executeUpdate();
        }
    }
}
