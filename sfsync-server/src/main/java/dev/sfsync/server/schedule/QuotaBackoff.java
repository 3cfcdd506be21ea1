package dev.sfsync.server.schedule;

import dev.sfsync.salesforce.error.LimitExceeded;
import dev.sfsync.salesforce.rest.OrgLimit;
import dev.sfsync.server.db.ServerDatabase;
import dev.sfsync.server.run.RunEnded;
import dev.sfsync.server.run.RunListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Holds back the schedule of a sync whose run stopped on the org's daily API quota (REQUEST_LIMIT_EXCEEDED, or the
 * reserve left for other integrations): retrying in a loop would only burn what the org frees. The wait comes from
 * {@code /limits}: Salesforce's window is a rolling 24 hours, so the calls needed free up at about the rate the
 * window turns over, {@code 24 h × needed / max}.
 */
public final class QuotaBackoff implements RunListener {
    /** Never retry sooner: a window frees calls slowly. */
    static final Duration MINIMUM_WAIT = Duration.ofMinutes(15);
    private static final Logger LOG = LoggerFactory.getLogger(QuotaBackoff.class);

    /** The org's DailyApiRequests from /limits for a sync's connection; empty when it cannot be read. */
    @FunctionalInterface
    public interface DailyLimit {
        Optional<OrgLimit> of(String sync);
    }

    public record Hold(Instant until, String reason) {
    }

    private final ServerDatabase db;
    private final DailyLimit limits;
    private final Clock clock;

    public QuotaBackoff(ServerDatabase db, DailyLimit limits, Clock clock) {
        this.db = db;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public void ended(RunEnded run) {
        if (stoppedOnQuota(run)) {
            hold(run.sync(), run.reason());
        } else if (!run.failed()) {
            db.update("DELETE FROM run_backoff WHERE subject = ?", run.sync());
        }
    }

    static boolean stoppedOnQuota(RunEnded run) {
        if (run.failure() instanceof LimitExceeded) {
            return true;
        }
        String reason = run.reason();
        return reason != null && (reason.contains("REQUEST_LIMIT_EXCEEDED") || reason.contains(LimitExceeded.RESERVE_CODE));
    }

    /** Records the wait for the sync (or sequence) and returns it. */
    public Hold hold(String subject, String why) {
        Instant now = clock.instant();
        Duration wait = Duration.ofHours(24);
        String basis = "the org's daily limit could not be read";
        Optional<OrgLimit> daily = Optional.empty();
        try {
            daily = limits.of(subject);
        } catch (RuntimeException e) {
            LOG.warn("could not read /limits for {}: {}", subject, e.toString());
        }
        if (daily.isPresent() && daily.get().max() > 0) {
            long max = daily.get().max();
            long needed = Math.max(10, max / 100) - daily.get().remaining();
            wait = needed <= 0 ? MINIMUM_WAIT : Duration.ofMillis(Duration.ofHours(24).toMillis() * needed / max);
            basis = daily.get().remaining() + " of " + max + " daily API requests left";
        }
        if (wait.compareTo(MINIMUM_WAIT) < 0) {
            wait = MINIMUM_WAIT;
        }
        Instant until = now.plus(wait);
        String reason = "waiting for the org's API quota until " + until + " (" + basis + "): " + why;
        if (db.update("UPDATE run_backoff SET until_at = ?, reason = ? WHERE subject = ?", until.toEpochMilli(), reason, subject) == 0) {
            db.update("INSERT INTO run_backoff (subject, until_at, reason) VALUES (?, ?, ?)", subject, until.toEpochMilli(), reason);
        }
        LOG.info("{} {}", subject, reason);
        return new Hold(until, reason);
    }

    /** The sync's current hold, if its quota wait has not passed. */
    public Optional<Hold> current(String subject) {
        long now = clock.millis();
        return db.queryOne("SELECT until_at, reason FROM run_backoff WHERE subject = ? AND until_at > ?",
                rs -> new Hold(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2)), subject, now);
    }

    /** Used by the scheduler: the later of the schedule's next time and the hold. */
    Instant notBefore(String subject, Instant next) {
        return current(subject).map(Hold::until).filter(until -> until.isAfter(next)).orElse(next);
    }
}
