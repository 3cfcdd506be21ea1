package dev.sfsync.emulator.bulk2;

/** Ends a job in the Failed state; the message becomes the job's errorMessage. */
final class JobFailure extends Exception {
    JobFailure(String errorMessage) {
        super(errorMessage, null, false, false);
    }
}
