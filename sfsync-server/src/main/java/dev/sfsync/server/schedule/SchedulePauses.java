package dev.sfsync.server.schedule;

import dev.sfsync.server.db.ServerDatabase;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which schedules an operator paused, by whom and when, in the server's database (so every node and every restart
 * sees the same). A paused schedule keeps its slots: each one that comes due is skipped, so resuming runs at the next
 * slot rather than catching up on the ones skipped.
 */
public final class SchedulePauses {
    /** What is paused: a sync's schedule or a sequence's (a sync and a sequence may share a name). */
    public enum Kind {
        SYNC, SEQUENCE
    }

    public record Pause(String name, Kind kind, Instant pausedAt, String pausedBy) {
        public Pause {
            Objects.requireNonNull(name, "name is null");
            Objects.requireNonNull(pausedAt, "pausedAt is null");
            Objects.requireNonNull(pausedBy, "pausedBy is null");
        }
    }

    private final ServerDatabase db;
    private final Clock clock;

    public SchedulePauses(ServerDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Pauses the schedule; pausing it again keeps the first pause (who and when), which it returns. */
    public Pause pause(Kind kind, String name, String pausedBy) {
        db.update("INSERT INTO schedule_pauses (subject, paused_at, paused_by) VALUES (?, ?, ?) ON CONFLICT (subject) DO NOTHING",
                subject(kind, name), clock.millis(), pausedBy);
        return current(kind, name).orElseThrow(() -> new IllegalStateException("pause of " + subject(kind, name) + " vanished"));
    }

    /** Resumes the schedule; true when it was paused. */
    public boolean resume(Kind kind, String name) {
        return db.update("DELETE FROM schedule_pauses WHERE subject = ?", subject(kind, name)) > 0;
    }

    public Optional<Pause> current(Kind kind, String name) {
        return db.queryOne("SELECT paused_at, paused_by FROM schedule_pauses WHERE subject = ?",
                rs -> new Pause(name, kind, Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2)), subject(kind, name));
    }

    private static String subject(Kind kind, String name) {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + name;
    }
}
