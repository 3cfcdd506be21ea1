package dev.sfsync.cli;

import dev.sfsync.core.SfsyncException;
import dev.sfsync.engine.lease.SyncIsRunning;
import dev.sfsync.engine.project.SyncProject;
import dev.sfsync.source.snapshot.SnapshotStoreFailed;
import dev.sfsync.store.StateStoreDamaged;
import dev.sfsync.store.StoreFailed;
import dev.sfsync.store.StoreMigrationFailed;
import dev.sfsync.store.secret.SecretKeyUnusable;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * The last word on anything a command did not handle itself: the problem and its fix on one or two lines and an exit
 * code, never a Java stack trace (set SFSYNC_DEBUG=1 to see one).
 */
final class CommandFailures implements CommandLine.IExecutionExceptionHandler {
    /** A bug: sfsync failed in a way it does not know how to explain (BSD's EX_SOFTWARE). */
    static final int UNEXPECTED = 70;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        String command = "sfsync " + commandLine.getCommandName();
        int code;
        if (e instanceof SfsyncException known) {
            err.println(command + ": " + known.problem());
            if (dev.sfsync.core.DiskFull.in(known)) {
                err.println("  fix: " + dev.sfsync.core.DiskFull.FIX);
            } else if (known.fix() != null) {
                err.println("  fix: " + known.fix());
            }
            code = exitCode(known);
        } else if (dev.sfsync.core.DiskFull.in(e)) {
            err.println(command + ": the disk is full: " + e.getMessage());
            err.println("  fix: " + dev.sfsync.core.DiskFull.FIX);
            code = ExitCodes.STATE_UNUSABLE;
        } else if (e instanceof UncheckedIOException io) {
            err.println(command + ": " + io.getMessage());
            err.println("  fix: check that the project and state directories exist, are writable by this user and the disk has space");
            code = ExitCodes.STATE_UNUSABLE;
        } else {
            err.println(command + " failed unexpectedly: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            err.println("  fix: run again; if it persists, report it with this message (SFSYNC_DEBUG=1 shows where it failed)");
            code = UNEXPECTED;
        }
        if (System.getenv("SFSYNC_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** The state directory (state file, snapshots, secret key) cannot be used: damaged, locked, read-only or full. */
    static boolean aboutState(Throwable e) {
        return e instanceof StoreFailed || e instanceof StoreMigrationFailed || e instanceof StateStoreDamaged || e instanceof SecretKeyUnusable
                || e instanceof SnapshotStoreFailed || e instanceof SyncProject.SnapshotLost || e instanceof SyncProject.SnapshotOutdated
                || e instanceof SyncProject.StateStoreOutdated;
    }

    static int exitCode(SfsyncException e) {
        if (dev.sfsync.core.DiskFull.in(e)) {
            return ExitCodes.STATE_UNUSABLE;
        }
        if (e instanceof SyncIsRunning) {
            return ExitCodes.SYNC_BUSY;
        }
        if (e instanceof dev.sfsync.engine.connection.Logins.NotConnected) {
            return ExitCodes.SALESFORCE_UNAVAILABLE;
        }
        return aboutState(e) ? ExitCodes.STATE_UNUSABLE : ExitCodes.CONFIG_INVALID;
    }
}
