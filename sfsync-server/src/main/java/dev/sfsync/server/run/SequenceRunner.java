package dev.sfsync.server.run;

import dev.sfsync.engine.config.SequenceConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a sequence's syncs in order; with {@code on_failure: stop}, a sync that fails as a whole or is cancelled ends the
 * sequence (the syncs after it count on its rows being sent). Each run of a sequence and the runs it started are
 * recorded in {@link SequenceRuns} when it has one.
 */
public final class SequenceRunner {
    private final RunLauncher launcher;
    private final SequenceRuns records;

    public SequenceRunner(RunLauncher launcher) {
        this(launcher, null);
    }

    public SequenceRunner(RunLauncher launcher, SequenceRuns records) {
        this.launcher = launcher;
        this.records = records;
    }

    /** The recorded runs of sequences, if this runner records them. */
    public java.util.Optional<SequenceRuns> records() {
        return java.util.Optional.ofNullable(records);
    }

    /** How each sync that ran ended, in order; the syncs after a stop are not in it. */
    public List<RunEnded> run(SequenceConfig sequence) {
        return run(sequence, records == null ? null : records.start(sequence.name(), sequence.syncs(), "schedule"));
    }

    /**
     * Runs the sequence under a run {@link SequenceRuns#start recorded} already (null: not recorded), so that whoever
     * started it has its id before the first sync starts.
     */
    public List<RunEnded> run(SequenceConfig sequence, String sequenceRunId) {
        List<RunEnded> ended = new ArrayList<>();
        String outcome = "succeeded";
        String trigger = "sequence " + sequence.name();
        try {
            for (int position = 0; position < sequence.syncs().size(); position++) {
                String sync = sequence.syncs().get(position);
                int step = position;
                RunEnded run;
                try {
                    run = launcher.runHere(sync, trigger, id -> record(r -> r.stepStarted(sequenceRunId, step, id.value()), sequenceRunId));
                } catch (ServerStopping e) {
                    // The server stops: the rest of the sequence waits for its next slot.
                    outcome = "failed".equals(outcome) ? outcome : "cancelled";
                    break;
                } catch (SyncAlreadyRunning | dev.sfsync.engine.lease.SyncIsRunning | ProjectInUse e) {
                    run = new RunEnded(sync, null, null, e, java.time.Duration.ZERO, trigger);
                }
                ended.add(run);
                RunEnded finished = run;
                record(r -> r.stepEnded(sequenceRunId, step, finished.runId() == null ? null : finished.runId().value(), status(finished),
                        finished.reason()), sequenceRunId);
                if (run.failed() || run.cancelled()) {
                    outcome = run.cancelled() && !"failed".equals(outcome) ? "cancelled" : "failed";
                    if (sequence.onFailure() == SequenceConfig.OnFailure.STOP) {
                        break;
                    }
                }
            }
        } finally {
            String status = outcome;
            record(r -> r.finish(sequenceRunId, status), sequenceRunId);
        }
        return ended;
    }

    private void record(java.util.function.Consumer<SequenceRuns> step, String sequenceRunId) {
        if (records != null && sequenceRunId != null) {
            step.accept(records);
        }
    }

    private static String status(RunEnded run) {
        if (run.failed()) {
            return "failed";
        }
        if (run.cancelled()) {
            return "cancelled";
        }
        return run.result().summary().allSucceeded() ? "succeeded" : "partial";
    }
}
