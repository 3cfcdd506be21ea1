package dev.sfsync.engine.run;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * DuckDB's memory limit lowered while set-based loads run in a database, so that the upload's tables (every row's
 * cells) spill to the state directory's {@code tmp/} instead of staying in memory beside the change set. The limit is
 * the database's, not the connection's: loads running at once in one database (a server running several syncs) share
 * one lowering, and the first one's saved limit comes back when the last one ends.
 */
final class LoadMemory implements AutoCloseable {
    /** Per database file: the limit to restore, and how many loads hold it lowered. */
    private static final Map<String, Held> HELD = new HashMap<>();

    private record Held(String restore, int loads) {
    }

    private final Statement statement;
    private final String database;

    private LoadMemory(Statement statement, String database) {
        this.statement = statement;
        this.database = database;
    }

    static LoadMemory lower(Statement statement, String limit) throws SQLException {
        String database = query(statement, "SELECT coalesce(path, database_name) FROM duckdb_databases() WHERE database_name = current_database()");
        synchronized (HELD) {
            Held held = HELD.get(database);
            if (held == null) {
                String shown = query(statement, "SELECT current_setting('memory_limit')");
                String current = restorable(shown);
                // A limit the user set lower than the load's stays as it is.
                if (bytes(shown) > bytes(limit)) {
                    statement.execute("SET GLOBAL memory_limit = '" + limit.replace("'", "''") + "'");
                }
                held = new Held(current, 0);
            }
            HELD.put(database, new Held(held.restore(), held.loads() + 1));
        }
        return new LoadMemory(statement, database);
    }

    @Override
    public void close() throws SQLException {
        synchronized (HELD) {
            Held held = HELD.get(database);
            if (held.loads() > 1) {
                HELD.put(database, new Held(held.restore(), held.loads() - 1));
                return;
            }
            HELD.remove(database);
            statement.execute("SET GLOBAL memory_limit = '" + held.restore().replace("'", "''") + "'");
        }
    }

    /**
     * DuckDB shows its limit cut to one decimal ("953.6 MiB" for 1GB), and that text set again reads back a tenth lower:
     * each load would shave a little off. Half a tenth more lands within the shown tenth, which then stays put.
     */
    static String restorable(String shown) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+\\.\\d+)(\\s*\\S+)").matcher(shown.trim());
        return m.matches() ? m.group(1) + "5" + m.group(2) : shown;
    }

    /** DuckDB's memory size text ("256MB", "953.6 MiB", "1GB") in bytes; unknown text counts as no limit. */
    static long bytes(String size) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGT]?)(i?)B?(?:ytes?)?", java.util.regex.Pattern.CASE_INSENSITIVE)
                .matcher(size.trim());
        if (!m.matches()) {
            return Long.MAX_VALUE;
        }
        int power = "KMGT".indexOf(Character.toUpperCase(m.group(2).isEmpty() ? ' ' : m.group(2).charAt(0))) + 1;
        double unit = Math.pow(m.group(3).isEmpty() ? 1000 : 1024, power);
        return (long) (Double.parseDouble(m.group(1)) * unit);
    }

    private static String query(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
