package dev.sfsync.emulator.bulk1;

/** A batch's state; Completed, Failed and NotProcessed are final. */
enum BatchState {
    Queued, InProgress, Completed, Failed, NotProcessed;

    boolean isFinal() {
        return this == Completed || this == Failed || this == NotProcessed;
    }
}
