package dev.sfsync.server.auth;

import dev.sfsync.server.db.ServerDatabase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Slows password guessing: after {@value #FREE_FAILURES} failed logins for a name, each further attempt waits a
 * lockout that doubles (1, 2, 4 ... minutes, at most 15). A successful login clears the count. Kept per name in the
 * state database, so every server of a team applies it.
 */
public final class LoginThrottle {
    static final int FREE_FAILURES = 5;
    static final Duration MAX_LOCK = Duration.ofMinutes(15);

    private final ServerDatabase db;
    private final Clock clock;

    public LoginThrottle(ServerDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** When the name may try again; empty when it may now. */
    public Optional<Instant> lockedUntil(String name) {
        return db.queryOne("SELECT locked_until FROM login_failures WHERE user_name = ?", rs -> rs.getLong(1), name)
                .filter(until -> until > clock.millis()).map(Instant::ofEpochMilli);
    }

    public void failed(String name) {
        int failures = db.queryOne("SELECT failures FROM login_failures WHERE user_name = ?", rs -> rs.getInt(1), name).orElse(0) + 1;
        long lock = 0;
        if (failures >= FREE_FAILURES) {
            long minutes = Math.min(MAX_LOCK.toMinutes(), 1L << Math.min(10, failures - FREE_FAILURES));
            lock = clock.millis() + Duration.ofMinutes(minutes).toMillis();
        }
        if (db.update("UPDATE login_failures SET failures = ?, locked_until = ? WHERE user_name = ?", failures, lock, name) == 0) {
            db.update("INSERT INTO login_failures (user_name, failures, locked_until) VALUES (?, ?, ?)", name, failures, lock);
        }
    }

    public void succeeded(String name) {
        db.update("DELETE FROM login_failures WHERE user_name = ?", name);
    }
}
