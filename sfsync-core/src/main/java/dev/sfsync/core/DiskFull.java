package dev.sfsync.core;

import java.sql.SQLException;
import java.util.Locale;

/**
 * Recognises a full disk in what a failed write threw, whichever layer wrapped it: the JDK ("No space left on
 * device"), SQLite (SQLITE_FULL, "database or disk is full"), DuckDB ("No space left on device", "disk full"),
 * Postgres (SQLSTATE 53100). Every command that writes then says the same thing and exits the same way.
 */
public final class DiskFull {
    /** What a command says to do; what was sent before keeps its outcome, what was not is sent by the next run. */
    public static final String FIX = "free disk space (the state directory .sfsync, the destination database, the system's temporary directory),"
            + " then run the command again: nothing was lost, what was written before the disk filled is kept and the rest is redone";

    private DiskFull() {
    }

    /** True when the throwable or one of its causes reports a full disk. */
    public static boolean in(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && "53100".equals(sql.getSQLState())) {
                return true;
            }
            // "(disk full?)" is sfsync's own guess beside an I/O error, not a report of one
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).replace("(disk full?)", "");
            if (message.contains("no space left on device") || message.contains("sqlite_full") || message.contains("database or disk is full")
                    || message.contains("disk full") || message.contains("disk is full") || message.contains("could not extend file")) {
                return true;
            }
        }
        return false;
    }
}
