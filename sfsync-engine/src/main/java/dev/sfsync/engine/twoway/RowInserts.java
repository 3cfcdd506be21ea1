package dev.sfsync.engine.twoway;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Rows inserted into a table many at a time, in one INSERT with many VALUES lists. DuckDB's JDBC driver runs a
 * prepared statement's batch as one execution per row, each costing about as much as a small query: a two-way run
 * of 100,000 rows spent most of its 156 CPU-seconds there (staging the records, and each page's writes), measured
 * with JFR. Postgres takes at most 65,535 parameters in one statement; more rows per statement gain little.
 */
final class RowInserts implements AutoCloseable {
    private static final int MAX_VALUES = 30_000;
    private static final int MAX_ROWS = 500;

    private final Connection c;
    private final String insertInto;
    private final int columns;
    private final int rowsPerStatement;
    private final Object[] values;
    private PreparedStatement full;
    private int rows;

    /** @param insertInto {@code INSERT INTO table} or {@code INSERT INTO table (a, b)}, without VALUES */
    RowInserts(Connection c, String insertInto, int columns) {
        this.c = c;
        this.insertInto = insertInto;
        this.columns = columns;
        this.rowsPerStatement = Math.max(1, Math.min(MAX_ROWS, MAX_VALUES / columns));
        this.values = new Object[rowsPerStatement * columns];
    }

    /** @param row one value per column, in order; inserted when enough rows are held, or at {@link #flush} */
    void add(Object... row) throws SQLException {
        if (row.length != columns) {
            throw new IllegalArgumentException(row.length + " values for " + columns + " columns");
        }
        System.arraycopy(row, 0, values, rows * columns, columns);
        if (++rows == rowsPerStatement) {
            if (full == null) {
                full = c.prepareStatement(statement(rowsPerStatement));
            }
            execute(full);
        }
    }

    /** Inserts the rows held. */
    void flush() throws SQLException {
        if (rows > 0) {
            try (PreparedStatement rest = c.prepareStatement(statement(rows))) {
                execute(rest);
            }
        }
    }

    private void execute(PreparedStatement insert) throws SQLException {
        for (int i = 0; i < rows * columns; i++) {
            insert.setObject(i + 1, values[i]);
            values[i] = null;
        }
        insert.executeUpdate();
        rows = 0;
    }

    private String statement(int count) {
        String row = "(" + "?, ".repeat(columns - 1) + "?)";
        return insertInto + " VALUES " + (row + ", ").repeat(count - 1) + row;
    }

    @Override
    public void close() throws SQLException {
        if (full != null) {
            full.close();
        }
    }
}
