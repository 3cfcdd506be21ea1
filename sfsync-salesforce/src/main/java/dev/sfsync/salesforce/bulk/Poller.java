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

/** Polls a job's state with the policy's growing waits until it is done, or fails with JOB_TIMEOUT. */
public final class Poller {
    private final PollPolicy policy;
    private final Sleeper sleeper;

    public Poller(PollPolicy policy, Sleeper sleeper) {
        this.policy = policy;
        this.sleeper = sleeper;
    }

    public <T> T until(String what, Supplier<T> read, Predicate<T> done) {
        Duration waited = Duration.ZERO;
        Duration delay = null;
        while (true) {
            T state = read.get();
            if (done.test(state)) {
                return state;
            }
            delay = policy.next(delay);
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
