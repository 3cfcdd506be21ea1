package dev.sfsync.source.snapshot;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who uses a DuckDB database's memory at a time, and so which memory limit it runs with. DuckDB has one limit per
 * database, not per query or connection: a set-based Bulk load asks for a low one (its upload tables spill to disk
 * instead of staying in memory), while change detection and snapshot commits need the full one. The limit is lowered
 * only while loads alone hold the database; work that needs the full limit raises it back for as long as it runs (the
 * loads then simply keep more in memory), and the limit the database had before anyone came is restored when the last
 * one leaves. In a server running several syncs, another sync's detection never runs at a load's limit.
 */
public final class DatabaseMemory {
    /** Per database file: the limit to restore, who holds it, and whether it is lowered now. */
    private static final Map<String, Users> USERS = new HashMap<>();

    private static final class Users {
        final String restore;
        String loadLimit;
        int loads;
        int fullUsers;
        boolean lowered;

        Users(String restore) {
            this.restore = restore;
        }

        /** Counts a load asking for {@code loadLimit} (null: a user of the full limit) coming ({@code by} 1) or going (-1). */
        void count(String loadLimit, int by) {
            if (loadLimit == null) {
                fullUsers += by;
            } else {
                loads += by;
                if (by > 0) {
                    this.loadLimit = loadLimit;
                }
            }
        }
    }

    private DatabaseMemory() {
    }

    /** One use of the database's memory; closing it ends the use (and may change the limit). */
    public interface Use extends AutoCloseable {
        @Override
        void close() throws SQLException;
    }

    /**
     * A load that can do with {@code limit}: the database's limit is lowered to it unless work needing the full limit is
     * running, or the limit is lower already (one the user set is kept).
     */
    public static Use load(Statement statement, String limit) throws SQLException {
        return use(statement, limit);
    }

    /** Work that needs the database's full limit (change detection, a snapshot commit): lowered limits are raised for it. */
    public static Use full(Statement statement) throws SQLException {
        return use(statement, null);
    }

    /** The limit in effect now, as DuckDB shows it. */
    public static String current(Statement statement) throws SQLException {
        return query(statement, "SELECT current_setting('memory_limit')");
    }

    private static Use use(Statement statement, String loadLimit) throws SQLException {
        String database = query(statement, "SELECT coalesce(path, database_name) FROM duckdb_databases() WHERE database_name = current_database()");
        synchronized (USERS) {
            Users users = USERS.get(database);
            if (users == null) {
                users = new Users(restorable(current(statement)));
                USERS.put(database, users);
            }
            users.count(loadLimit, 1);
            try {
                apply(statement, users);
            } catch (SQLException | RuntimeException e) {
                // Not counted when its limit could not be set: a user that never got a Use would hold the count forever.
                users.count(loadLimit, -1);
                forgetIfUnused(database, users);
                throw e;
            }
        }
        return () -> {
            synchronized (USERS) {
                Users users = USERS.get(database);
                users.count(loadLimit, -1);
                try {
                    apply(statement, users);
                } finally {
                    forgetIfUnused(database, users);
                }
            }
        };
    }

    private static void forgetIfUnused(String database, Users users) {
        if (users.loads == 0 && users.fullUsers == 0) {
            USERS.remove(database);
        }
    }

    private static void apply(Statement statement, Users users) throws SQLException {
        boolean lower = users.loads > 0 && users.fullUsers == 0 && bytes(users.restore) > bytes(users.loadLimit);
        if (lower == users.lowered) {
            return;
        }
        try {
            statement.execute("SET GLOBAL memory_limit = '" + (lower ? users.loadLimit : users.restore).replace("'", "''") + "'");
            users.lowered = lower;
        } catch (SQLException e) {
            if (!lower) {
                throw e;
            }
            // DuckDB refuses a limit below what it cannot evict right now: the loads go on at the full limit.
        }
    }

    /**
     * DuckDB shows its limit cut to one decimal ("953.6 MiB" for 1GB), and that text set again reads back a tenth lower:
     * each load would shave a little off. Half a tenth more lands within the shown tenth, which then stays put.
     */
    public static String restorable(String shown) {
        Matcher m = Pattern.compile("(\\d+\\.\\d+)(\\s*\\S+)").matcher(shown.trim());
        return m.matches() ? m.group(1) + "5" + m.group(2) : shown;
    }

    /** DuckDB's memory size text ("256MB", "953.6 MiB", "1GB") in bytes; unknown text (or none) counts as no limit. */
    public static long bytes(String size) {
        Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGT]?)(i?)B?(?:ytes?)?", Pattern.CASE_INSENSITIVE)
                .matcher(size == null ? "" : size.trim());
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
