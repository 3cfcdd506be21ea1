package dev.sfsync.store;

import dev.sfsync.core.SfsyncException;

import java.sql.SQLException;

/** The state store's database failed: unreachable, full, locked, or refused a statement. */
public final class StoreFailed extends SfsyncException {
    public StoreFailed(String action, SQLException cause) {
        super("The state store could not " + action + ": " + cause.getMessage(), fix(cause), cause);
    }

    private static String fix(SQLException cause) {
        String state = String.valueOf(cause.getSQLState());
        String message = String.valueOf(cause.getMessage());
        if (state.startsWith("08")) {
            return "check that the state database is running and reachable, then run again";
        }
        if (message.contains("SQLITE_BUSY") || message.contains("locked")) {
            return "another sfsync process is writing to the state file; wait for it to finish";
        }
        if (StateStore.Builder.damaged(message)) {
            return "the state file is damaged: restore state.db from a backup of the state directory; or move the state directory away,"
                    + " run 'sfsync connect' for each connection and 'sfsync repair SYNC' for each insert sync";
        }
        if (message.contains("SQLITE_FULL") || message.contains("No space")) {
            return "free disk space in the state directory";
        }
        return "run again; if it persists, report it with this message";
    }
}
