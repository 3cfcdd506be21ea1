package dev.sfsync.server.alert;

import dev.sfsync.server.db.ServerDatabase;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Open and resolved incidents: a rule's condition on one subject (a sync, sequence or connection) opens an incident
 * once, however many runs keep it true, and resolves it once when it stops being true. In the state database, so a
 * restart neither repeats nor forgets an alert.
 */
public final class Incidents {
    public record Incident(String id, String rule, String subject, Instant openedAt, Instant resolvedAt, String summary, String runId) {
    }

    private final ServerDatabase db;
    private final Clock clock;

    Incidents(ServerDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    static String id(String rule, String subject) {
        return rule + ":" + subject;
    }

    /** True when the incident was not open already (so the alert goes out). */
    boolean open(String rule, String subject, String summary, String runId) {
        String id = id(rule, subject);
        boolean open = db.queryOne("SELECT 1 FROM alert_incidents WHERE incident_id = ? AND resolved_at IS NULL", rs -> 1, id).isPresent();
        if (open) {
            return false;
        }
        if (db.update("UPDATE alert_incidents SET opened_at = ?, resolved_at = NULL, summary = ?, run_id = ? WHERE incident_id = ?",
                clock.millis(), summary, runId, id) == 0) {
            db.update("INSERT INTO alert_incidents (incident_id, rule_id, subject, opened_at, summary, run_id) VALUES (?, ?, ?, ?, ?, ?)",
                    id, rule, subject, clock.millis(), summary, runId);
        }
        return true;
    }

    /** True when the incident was open (so the resolve goes out). */
    boolean resolve(String rule, String subject) {
        return db.update("UPDATE alert_incidents SET resolved_at = ? WHERE incident_id = ? AND resolved_at IS NULL", clock.millis(), id(rule, subject)) > 0;
    }

    List<Incident> recent(int limit) {
        return db.query("SELECT incident_id, rule_id, subject, opened_at, resolved_at, summary, run_id FROM alert_incidents ORDER BY opened_at DESC LIMIT ?",
                rs -> {
                    long resolved = rs.getLong(5);
                    Instant resolvedAt = rs.wasNull() ? null : Instant.ofEpochMilli(resolved);
                    return new Incident(rs.getString(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)), resolvedAt,
                            rs.getString(6), rs.getString(7));
                }, limit);
    }
}
