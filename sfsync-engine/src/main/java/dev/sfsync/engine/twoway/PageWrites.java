package dev.sfsync.engine.twoway;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A page's writes to the table and to the last-synced values, gathered in two temporary tables and applied with one
 * UPDATE and one append: a statement per row costs a scan or an index probe each in DuckDB, and pages are many.
 * The caller commits; {@link #apply} leaves the temporary tables empty for the next page.
 */
final class PageWrites implements AutoCloseable {
    private static final String ROWS = "sfsync_two_way_row_writes";
    private static final String BASE = "sfsync_two_way_base_writes";

    private final Connection c;
    private final TwoWaySyncDefinition sync;
    private final List<String> columns;
    private final RowInserts rowInserts;
    private final RowInserts baseInserts;
    private final long sequence;
    private int rows;

    /**
     * @param columns  the table's columns a page may write (lower case)
     * @param sequence the run's number, which its last-synced values are written with ({@link BaseValues#keepNewest})
     */
    PageWrites(Connection c, TwoWaySyncDefinition sync, List<String> columns, long sequence) throws SQLException {
        this.c = c;
        this.sync = sync;
        this.sequence = sequence;
        this.columns = List.copyOf(columns);
        StringBuilder select = new StringBuilder("SELECT CAST(" + sync.keyColumn() + " AS VARCHAR) AS w_key");
        for (int i = 0; i < columns.size(); i++) {
            select.append(", ").append(columns.get(i)).append(" AS w").append(i).append(", FALSE AS s").append(i);
        }
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + ROWS);
            s.execute("DROP TABLE IF EXISTS " + BASE);
            s.execute("CREATE TEMP TABLE " + ROWS + " AS " + select + " FROM " + sync.table() + " WHERE 1 = 0");
            s.execute("CREATE TEMP TABLE " + BASE + " (row_key VARCHAR, field VARCHAR, record_id VARCHAR, field_value VARCHAR)");
        }
        rowInserts = new RowInserts(c, "INSERT INTO " + ROWS, 1 + 2 * columns.size());
        baseInserts = new RowInserts(c, "INSERT INTO " + BASE, 4);
    }

    /** @param values by column (lower case), already of the column's type; columns not named keep their value */
    void row(String key, Map<String, Object> values) throws SQLException {
        Object[] row = new Object[1 + 2 * columns.size()];
        row[0] = key;
        for (int i = 0; i < columns.size(); i++) {
            boolean set = values.containsKey(columns.get(i));
            row[1 + 2 * i] = set ? values.get(columns.get(i)) : null;
            row[2 + 2 * i] = set;
        }
        rowInserts.add(row);
        rows++;
    }

    void base(String key, String recordId, Map<String, String> values) throws SQLException {
        for (Map.Entry<String, String> value : values.entrySet()) {
            baseInserts.add(key, value.getKey(), recordId, value.getValue());
        }
    }

    /** @return rows of the table updated */
    int apply() throws SQLException {
        rowInserts.flush();
        baseInserts.flush();
        try (Statement s = c.createStatement()) {
            if (rows > 0) {
                List<String> set = new ArrayList<>();
                for (int i = 0; i < columns.size(); i++) {
                    set.add(columns.get(i) + " = CASE WHEN w.s" + i + " THEN w.w" + i + " ELSE t." + columns.get(i) + " END");
                }
                s.executeUpdate("UPDATE " + sync.table() + " AS t SET " + String.join(", ", set) + " FROM " + ROWS + " w WHERE CAST(t."
                        + sync.keyColumn() + " AS VARCHAR) = w.w_key");
            }
            // Appended: the versions these replace are removed when the next run starts (BaseValues.keepNewest).
            s.executeUpdate("INSERT INTO " + BaseValues.TABLE + " (sync_name, row_key, field, record_id, field_value, synced_seq) SELECT '"
                    + sync.name().replace("'", "''") + "', row_key, field, record_id, field_value, " + sequence + " FROM " + BASE);
            s.execute("DELETE FROM " + ROWS);
            s.execute("DELETE FROM " + BASE);
        }
        int updated = rows;
        rows = 0;
        return updated;
    }

    @Override
    public void close() throws SQLException {
        rowInserts.close();
        baseInserts.close();
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + ROWS);
            s.execute("DROP TABLE IF EXISTS " + BASE);
        }
    }
}
