package dev.sfsync.server.run;

import dev.sfsync.engine.config.SequenceConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a sequence's syncs in order; with {@code on_failure: stop}, a sync that fails as a whole or is cancelled ends the
 * sequence (the syncs after it count on its rows being sent).
 */
public final class SequenceRunner {
    private final RunLauncher launcher;

    public SequenceRunner(RunLauncher launcher) {
        this.launcher = launcher;
    }

    /** How each sync that ran ended, in order; the syncs after a stop are not in it. */
    public List<RunEnded> run(SequenceConfig sequence) {
        List<RunEnded> ended = new ArrayList<>();
        for (String sync : sequence.syncs()) {
            RunEnded run;
            try {
                run = launcher.runHere(sync, "sequence " + sequence.name());
            } catch (SyncAlreadyRunning | dev.sfsync.engine.lease.SyncIsRunning | ProjectInUse e) {
                run = new RunEnded(sync, null, null, e, java.time.Duration.ZERO, "sequence " + sequence.name());
            }
            ended.add(run);
            if ((run.failed() || run.cancelled()) && sequence.onFailure() == SequenceConfig.OnFailure.STOP) {
                break;
            }
        }
        return ended;
    }
}
