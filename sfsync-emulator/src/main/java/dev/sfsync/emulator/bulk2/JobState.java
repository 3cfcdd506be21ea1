package dev.sfsync.emulator.bulk2;

/** Where a Bulk API 2.0 job is in its life; the names are the wire values. */
public enum JobState {
    Open, UploadComplete, InProgress, JobComplete, Failed, Aborted;

    /** A job in a final state takes no more changes and may be deleted. */
    public boolean terminal() {
        return this == JobComplete || this == Failed || this == Aborted;
    }
}
