package dev.sfsync.server.auth;

import dev.sfsync.server.db.ServerDatabase;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Login sessions, kept in the state database so any server of a team answers for them. The cookie holds a random
 * session id (only its hash is stored); each session has its own CSRF token, which state-changing requests made with
 * the cookie must repeat in the {@value #CSRF_HEADER} header.
 */
public final class Sessions {
    public static final String COOKIE = "sfsync_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final Duration LIFETIME = Duration.ofHours(12);

    /** A session just opened: the cookie value is given to the browser and not kept. */
    public record Opened(String cookieValue, Session session) {
        @Override
        public String toString() {
            return "Opened[" + session + "]";
        }
    }

    public record Session(User user, String csrfToken) {
        @Override
        public String toString() {
            return "Session[" + user + "]";
        }
    }

    private final ServerDatabase db;
    private final Users users;
    private final Clock clock;

    public Sessions(ServerDatabase db, Users users, Clock clock) {
        this.db = db;
        this.users = users;
        this.clock = clock;
    }

    public Opened open(User user) {
        String id = Secrets.random(32);
        String csrf = Secrets.random(24);
        db.update("DELETE FROM server_sessions WHERE expires_at < ?", clock.millis());
        db.update("INSERT INTO server_sessions (session_hash, user_name, csrf_token, expires_at) VALUES (?, ?, ?, ?)",
                Secrets.sha256(id), user.name(), csrf, clock.millis() + LIFETIME.toMillis());
        return new Opened(id, new Session(user, csrf));
    }

    public Optional<Session> find(String cookieValue) {
        if (cookieValue == null || cookieValue.isBlank()) {
            return Optional.empty();
        }
        return db.queryOne("SELECT user_name, csrf_token FROM server_sessions WHERE session_hash = ? AND expires_at > ?",
                        rs -> new String[] {rs.getString(1), rs.getString(2)}, Secrets.sha256(cookieValue), clock.millis())
                .flatMap(row -> users.find(row[0]).map(user -> new Session(user, row[1])));
    }

    public void close(String cookieValue) {
        db.update("DELETE FROM server_sessions WHERE session_hash = ?", Secrets.sha256(cookieValue));
    }

    /** True when the header repeats the session's CSRF token. */
    public static boolean csrfMatches(Session session, String header) {
        return Secrets.same(session.csrfToken(), header);
    }
}
