package dev.sfsync.cli;

/** What a script can tell from sfsync's exit status. */
final class ExitCodes {
    static final int OK = 0;
    /** The run finished but some rows failed or were rejected; they are retried next run. */
    static final int ROWS_FAILED = 1;
    /** Wrong command-line usage (picocli's own code). */
    static final int USAGE = 2;
    /** The project file has problems; nothing was sent. */
    static final int CONFIG_INVALID = 3;
    /** Salesforce could not be reached or refused the login. */
    static final int SALESFORCE_UNAVAILABLE = 4;
    /** Another process is running the sync (its run lease is held); nothing was sent. */
    static final int SYNC_BUSY = 5;
    /** The state directory cannot be used (state file damaged or missing, snapshots locked, disk full, unwritable); nothing more was sent. */
    static final int STATE_UNUSABLE = 6;
    /** sfsync serve could not start (its port is taken, its state database unusable). */
    static final int SERVER_FAILED = 7;

    private ExitCodes() {
    }
}
