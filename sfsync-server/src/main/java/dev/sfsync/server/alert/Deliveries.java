package dev.sfsync.server.alert;

import dev.sfsync.salesforce.retry.Sleeper;
import dev.sfsync.server.db.ServerDatabase;
import dev.sfsync.server.metrics.ServerMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * Sends alerts off the run's thread, retrying a destination that fails with growing waits, and records every
 * delivery and its outcome: a broken destination costs retries, never a sync.
 */
public final class Deliveries {
    /** Waits before the 2nd, 3rd ... attempt. */
    static final List<Duration> RETRY_WAITS = List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10));
    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);

    /** How a delivery ended. */
    public record Outcome(String destination, boolean sent, int attempts, String error) {
    }

    private final ServerDatabase db;
    private final Map<String, Sender> senders;
    private final Executor executor;
    private final Sleeper sleeper;
    private final ServerMetrics metrics;
    private final Clock clock;

    Deliveries(ServerDatabase db, Map<String, Sender> senders, Executor executor, Sleeper sleeper, ServerMetrics metrics, Clock clock) {
        this.db = db;
        this.senders = senders;
        this.executor = executor;
        this.sleeper = sleeper;
        this.metrics = metrics;
        this.clock = clock;
    }

    void deliver(AlertEvent event, List<String> destinations) {
        for (String destination : destinations) {
            executor.execute(() -> deliverNow(event, destination));
        }
    }

    Outcome deliverNow(AlertEvent event, String destination) {
        Sender sender = senders.get(destination);
        if (sender == null) {
            throw new IllegalArgumentException("no destination " + destination);
        }
        String id = UUID.randomUUID().toString();
        db.update("INSERT INTO alert_deliveries (delivery_id, incident_id, destination, event, status, attempts, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                id, event.incidentId(), destination, event.kind().name(), "SENDING", 0, clock.millis());
        String error = null;
        for (int attempt = 1; attempt <= RETRY_WAITS.size() + 1; attempt++) {
            try {
                sender.send(event);
                db.update("UPDATE alert_deliveries SET status = 'SENT', attempts = ?, last_error = ?, sent_at = ? WHERE delivery_id = ?",
                        attempt, error, clock.millis(), id);
                metrics.alertDelivery(destination, "sent");
                return new Outcome(destination, true, attempt, null);
            } catch (RuntimeException e) {
                error = e.getMessage();
                boolean retry = !(e instanceof Sender.DeliveryFailed failed) || failed.retry();
                LOG.warn("alert {} to {} failed (attempt {}): {}", event.incidentId(), destination, attempt, error);
                db.update("UPDATE alert_deliveries SET attempts = ?, last_error = ? WHERE delivery_id = ?", attempt, error, id);
                if (!retry || attempt > RETRY_WAITS.size()) {
                    db.update("UPDATE alert_deliveries SET status = 'FAILED' WHERE delivery_id = ?", id);
                    metrics.alertDelivery(destination, "failed");
                    return new Outcome(destination, false, attempt, error);
                }
                try {
                    sleeper.sleep(RETRY_WAITS.get(attempt - 1));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    db.update("UPDATE alert_deliveries SET status = 'FAILED' WHERE delivery_id = ?", id);
                    return new Outcome(destination, false, attempt, "interrupted");
                }
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
