package dev.sfsync.store;

import dev.sfsync.core.SfsyncException;

import java.nio.file.Path;

/**
 * The embedded state file is not one sfsync can trust: empty (truncated), not a database, or missing while the
 * snapshots it belongs with are there. It is never silently recreated: that would forget every login and run, and a
 * run against a fresh store next to old snapshots (or the reverse) could send rows twice.
 */
public final class StateStoreDamaged extends SfsyncException {
    private StateStoreDamaged(String problem, String fix, Throwable cause) {
        super(problem, fix, cause);
    }

    static StateStoreDamaged empty(Path file) {
        return new StateStoreDamaged("The state file " + file + " is empty (0 bytes): it was truncated, so the logins, runs and"
                + " intents it held are gone", recover(file), null);
    }

    static StateStoreDamaged notADatabase(Path file, Throwable cause) {
        return new StateStoreDamaged("The state file " + file + " is damaged or is not an sfsync state file (" + cause.getMessage() + ")",
                recover(file), cause);
    }

    static StateStoreDamaged missingBesideSnapshots(Path file, Path snapshots) {
        return new StateStoreDamaged("The state file " + file + " is missing, but the snapshots " + snapshots + " of earlier runs are"
                + " there: the runs, logins and unsettled intents that go with them are lost", recover(file), null);
    }

    private static String recover(Path file) {
        return "restore " + file.getFileName() + " from a backup of the state directory; or, to start again, move the whole state directory "
                + file.getParent() + " away, run 'sfsync connect' for each connection, and 'sfsync repair SYNC' for each insert sync so that"
                + " records already in Salesforce are not created again";
    }
}
