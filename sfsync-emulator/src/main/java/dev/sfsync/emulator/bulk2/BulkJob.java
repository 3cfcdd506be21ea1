package dev.sfsync.emulator.bulk2;

import java.time.Instant;
import java.util.Set;

/**
 * What ingest and query jobs share: an id, temp files, and a state that HTTP threads change (close, abort, delete)
 * while a worker processes the job, so every change goes through this object's lock.
 */
abstract class BulkJob {
    private final String id;
    private final JobFiles files;
    private JobState state;
    private Instant systemModstamp;
    private boolean running;
    private volatile boolean discarded;

    BulkJob(String id, JobFiles files, JobState initial, Instant created) {
        this.id = id;
        this.files = files;
        this.state = initial;
        this.systemModstamp = created;
    }

    final String id() {
        return id;
    }

    final JobFiles files() {
        return files;
    }

    final synchronized JobState state() {
        return state;
    }

    final synchronized Instant systemModstamp() {
        return systemModstamp;
    }

    /** Moves to {@code next} when the job is in one of {@code from}; returns the state it was in either way. */
    final synchronized JobState transition(Set<JobState> from, JobState next, Instant now) {
        JobState before = state;
        if (from.contains(before)) {
            state = next;
            systemModstamp = now;
        }
        return before;
    }

    /** Moves an UploadComplete job to InProgress for the worker; false when it was aborted or discarded meanwhile. */
    final synchronized boolean begin(Instant now) {
        if (state != JobState.UploadComplete || discarded) {
            return false;
        }
        running = true;
        state = JobState.InProgress;
        systemModstamp = now;
        return true;
    }

    /** True once the job was aborted or thrown away: the worker stops at its next chunk. */
    final synchronized boolean stopped() {
        return state == JobState.Aborted || discarded;
    }

    final boolean discarded() {
        return discarded;
    }

    /**
     * Waits while a worker is still running the job: an abort changes the state at once, but the run writes its last
     * results when it reaches its next chunk. False when the timeout passed first.
     */
    final synchronized boolean awaitRunEnd(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (running) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /** Forgets the job (deleted, or the org was reset): its files go now, or when its run ends. */
    final synchronized void discard() {
        discarded = true;
        if (!running) {
            files.deleteAll();
        }
    }

    /**
     * Ends a run in {@code outcome} unless the client aborted meanwhile; true when the outcome was taken. Subclasses
     * call it from their own synchronized finish, so the counters and the state change together.
     */
    final synchronized boolean endRun(JobState outcome, Instant now) {
        running = false;
        boolean taken = state == JobState.InProgress;
        if (taken) {
            state = outcome;
        }
        systemModstamp = now;
        if (discarded) {
            files.deleteAll();
        }
        notifyAll();
        return taken;
    }
}
