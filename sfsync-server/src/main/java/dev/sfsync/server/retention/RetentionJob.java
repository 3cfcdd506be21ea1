package dev.sfsync.server.retention;

import dev.sfsync.engine.config.RetentionConfig;
import dev.sfsync.server.run.SequenceRuns;
import dev.sfsync.store.PruneResult;
import dev.sfsync.store.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;

/**
 * The server's retention: every {@code retention.every} it prunes the state store by sfsync.yaml's
 * {@code retention:} (details, bodies, old runs) and the server database's sequence runs as old as the runs, logging
 * what went. Every node of a team runs it; pruning is per run and idempotent, so two nodes at once remove each row once.
 */
public final class RetentionJob {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final StateStore store;
    private final SequenceRuns sequenceRuns;
    private final RetentionConfig retention;
    private final Clock clock;

    public RetentionJob(StateStore store, SequenceRuns sequenceRuns, RetentionConfig retention, Clock clock) {
        this.store = store;
        this.sequenceRuns = sequenceRuns;
        this.retention = retention;
        this.clock = clock;
    }

    /** What one pass removed. */
    public record Pruned(PruneResult runs, long sequenceRuns) {
        public boolean isEmpty() {
            return runs.isEmpty() && sequenceRuns == 0;
        }

        public String describe() {
            return isEmpty() ? "nothing" : runs.describe() + (sequenceRuns == 0 ? "" : "; " + String.format(java.util.Locale.ROOT,
                    "%,d sequence run%s", sequenceRuns, sequenceRuns == 1 ? "" : "s"));
        }
    }

    /** Prunes once and logs what went; a failure is logged, not thrown (the next pass tries again). */
    public Pruned runOnce() {
        try {
            PruneResult runs = store.prune(retention.policy());
            Instant runsCutoff = clock.instant().minus(retention.policy().keepRunsFor());
            long sequences = sequenceRuns.prune(runsCutoff, retention.policy().keepRuns(), false);
            Pruned pruned = new Pruned(runs, sequences);
            if (!pruned.isEmpty()) {
                LOG.info("retention removed {} (keeping details {}d, bodies {}d, runs {}d, and the {} newest runs of each sync)", pruned.describe(),
                        retention.policy().keepFor().toDays(), retention.policy().keepBodiesFor().toDays(),
                        retention.policy().keepRunsFor().toDays(), retention.policy().keepRuns());
            }
            return pruned;
        } catch (RuntimeException e) {
            LOG.warn("retention could not prune the state store: {}; it tries again in {}", e.getMessage(), retention.every());
            return new Pruned(PruneResult.NOTHING, 0);
        }
    }
}
