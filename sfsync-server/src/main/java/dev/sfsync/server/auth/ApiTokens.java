package dev.sfsync.server.auth;

import dev.sfsync.server.db.ServerDatabase;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * API tokens for automation ({@code Authorization: Bearer sfs_ID_SECRET}), acting as their user. The whole token is
 * shown once, when created; only a hash of its secret is kept.
 */
public final class ApiTokens {
    static final String PREFIX = "sfs_";

    /** A token as listed: never its secret. */
    public record TokenInfo(String id, String user, String description, Instant createdAt, Instant lastUsedAt) {
    }

    /** A token just made: {@code token} is shown this once. */
    public record NewToken(TokenInfo info, String token) {
        @Override
        public String toString() {
            return "NewToken[" + info + ", token=(hidden)]";
        }
    }

    private final ServerDatabase db;
    private final Users users;
    private final Clock clock;

    public ApiTokens(ServerDatabase db, Users users, Clock clock) {
        this.db = db;
        this.users = users;
        this.clock = clock;
    }

    public NewToken create(String user, String description) {
        if (users.find(user).isEmpty()) {
            throw new Users.BadUserInput("no user named '" + user + "'", "add the user first: sfsync users add " + user + " --role viewer");
        }
        String id = Secrets.random(9).replace('-', 'x').replace('_', 'y');
        String secret = Secrets.random(32);
        long now = clock.millis();
        db.update("INSERT INTO server_tokens (token_id, user_name, description, secret_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                id, user, description, Secrets.sha256(secret), now);
        return new NewToken(new TokenInfo(id, user, description, Instant.ofEpochMilli(now), null), PREFIX + id + "_" + secret);
    }

    /** The token's user, when the token is whole and not revoked. */
    public Optional<User> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = token.substring(PREFIX.length());
        int cut = rest.indexOf('_');
        if (cut <= 0) {
            return Optional.empty();
        }
        String id = rest.substring(0, cut);
        Optional<String[]> row = db.queryOne("SELECT user_name, secret_hash FROM server_tokens WHERE token_id = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, id);
        if (row.isEmpty() || !Secrets.same(row.get()[1], Secrets.sha256(rest.substring(cut + 1)))) {
            return Optional.empty();
        }
        db.update("UPDATE server_tokens SET last_used_at = ? WHERE token_id = ?", clock.millis(), id);
        return users.find(row.get()[0]);
    }

    public List<TokenInfo> list(String user) {
        return db.query("SELECT token_id, user_name, description, created_at, last_used_at FROM server_tokens"
                + (user == null ? "" : " WHERE user_name = ?") + " ORDER BY created_at", rs -> {
                    // getObject, not getLong + wasNull: the SQLite driver's wasNull did not report this NULL (never used tokens showed 1970)
                    Object used = rs.getObject(5);
                    return new TokenInfo(rs.getString(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)),
                            used == null ? null : Instant.ofEpochMilli(((Number) used).longValue()));
                }, user == null ? new Object[0] : new Object[] {user});
    }

    public boolean revoke(String id) {
        return db.update("DELETE FROM server_tokens WHERE token_id = ?", id) > 0;
    }

    /** Revokes the token only when it is the user's own. */
    public boolean revoke(String id, String user) {
        return db.update("DELETE FROM server_tokens WHERE token_id = ? AND user_name = ?", id, user) > 0;
    }
}
