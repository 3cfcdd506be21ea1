package dev.sfsync.server.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import dev.sfsync.core.SfsyncException;
import dev.sfsync.server.db.ServerDatabase;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The server's users, their passwords kept as Argon2id hashes (memory-hard: 19 MiB, 2 passes, OWASP's minimum),
 * never in clear and never shown.
 */
public final class Users {
    static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
    /** Checked against when the user does not exist, so a wrong name costs as long as a wrong password. */
    private static final String DUMMY_HASH = Password.hash("sfsync-no-such-user").addRandomSalt(16).with(ARGON2).getResult();

    private final ServerDatabase db;
    private final Clock clock;

    public Users(ServerDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Adds a user, or sets a user's role and password anew. */
    public User add(String name, Role role, String password) {
        if (!NAME.matcher(name).matches()) {
            throw new BadUserInput("'" + name + "' is not a usable user name", "use letters, digits, '.', '_', '@' and '-' (at most 100)");
        }
        if (password == null || password.length() < 12) {
            throw new BadUserInput("the password is shorter than 12 characters", "choose a longer password (a passphrase of a few words works well)");
        }
        String hash = Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
        if (db.update("UPDATE server_users SET role = ?, password_hash = ? WHERE name = ?", role.name(), hash, name) == 0) {
            db.update("INSERT INTO server_users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)", name, role.name(), hash, clock.millis());
        }
        return new User(name, role);
    }

    /** The user when the password is theirs; empty otherwise (which of the two was wrong is not told). */
    public Optional<User> authenticate(String name, String password) {
        Optional<String[]> row = db.queryOne("SELECT role, password_hash FROM server_users WHERE name = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, name);
        String hash = row.map(r -> r[1]).orElse(DUMMY_HASH);
        boolean matches = password != null && Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
        return matches && row.isPresent() ? Optional.of(new User(name, Role.valueOf(row.get()[0]))) : Optional.empty();
    }

    public Optional<User> find(String name) {
        return db.queryOne("SELECT name, role FROM server_users WHERE name = ?", rs -> new User(rs.getString(1), Role.valueOf(rs.getString(2))), name);
    }

    public List<User> list() {
        return db.query("SELECT name, role FROM server_users ORDER BY name", rs -> new User(rs.getString(1), Role.valueOf(rs.getString(2))));
    }

    /** Removes the user with their tokens and sessions. */
    public boolean remove(String name) {
        db.update("DELETE FROM server_tokens WHERE user_name = ?", name);
        db.update("DELETE FROM server_sessions WHERE user_name = ?", name);
        return db.update("DELETE FROM server_users WHERE name = ?", name) > 0;
    }

    public boolean any() {
        return db.queryOne("SELECT COUNT(*) FROM server_users", rs -> rs.getLong(1)).orElse(0L) > 0;
    }

    /** A user or token request that cannot be done as asked. */
    public static final class BadUserInput extends SfsyncException {
        public BadUserInput(String problem, String fix) {
            super(problem, fix);
        }
    }
}
