package dev.sfsync.salesforce.bulk;

import dev.sfsync.salesforce.error.ErrorKind;
import dev.sfsync.salesforce.error.SalesforceError;
import dev.sfsync.salesforce.error.SalesforceException;
import dev.sfsync.salesforce.retry.PollPolicy;
import dev.sfsync.salesforce.retry.Sleeper;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Polls a job's state until it is done, or fails with JOB_TIMEOUT. Where the job reports how far it got, the next
 * poll is timed for when the job should end at the rate seen between the last two polls (so a long job costs a few
 * polls rather than one per growing interval); otherwise, and while it has not moved, the policy's waits grow.
 */
public final class Poller {
    /** The estimate is stretched a little so that the poll after it usually finds the job done rather than nearly done. */
    private static final double ESTIMATE_MARGIN = 1.15;

    private final PollPolicy policy;
    private final Sleeper sleeper;

    public Poller(PollPolicy policy, Sleeper sleeper) {
        this.policy = policy;
        this.sleeper = sleeper;
    }

    public <T> T until(String what, Supplier<T> read, Predicate<T> done) {
        return until(what, read, done, state -> Double.NaN);
    }

    /**
     * @param progress the share of the job done in a state, 0 to 1, or NaN when the state does not tell
     */
    public <T> T until(String what, Supplier<T> read, Predicate<T> done, ToDoubleFunction<T> progress) {
        Duration waited = Duration.ZERO;
        Duration delay = null;
        double lastShare = Double.NaN;
        Duration lastSeen = Duration.ZERO;
        while (true) {
            T state = read.get();
            if (done.test(state)) {
                return state;
            }
            double share = progress.applyAsDouble(state);
            delay = policy.next(delay);
            if (share > lastShare && share < 1 && waited.compareTo(lastSeen) > 0) {
                double sharePerMilli = (share - lastShare) / (waited.toMillis() - lastSeen.toMillis());
                delay = policy.clamp(Duration.ofMillis((long) Math.ceil((1 - share) / sharePerMilli * ESTIMATE_MARGIN)));
            }
            if (!Double.isNaN(share)) {
                lastShare = share;
                lastSeen = waited;
            }
            if (waited.plus(delay).compareTo(policy.timeout()) > 0) {
                throw SalesforceException.of(new SalesforceException.Failure(what, 0, ErrorKind.TRANSIENT, List.of(new SalesforceError("JOB_TIMEOUT",
                        what + " was still running after " + waited.toSeconds() + " s of polling; last state: " + state))), null);
            }
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while polling " + what);
            }
            waited = waited.plus(delay);
        }
    }
}
