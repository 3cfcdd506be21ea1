package dev.sfsync.store;

import dev.sfsync.store.SalesforceConnection.Environment;
import dev.sfsync.store.SalesforceConnection.Secrets;
import dev.sfsync.store.SalesforceConnection.Status;
import dev.sfsync.store.internal.Database;
import dev.sfsync.store.secret.SecretCipher;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Salesforce connections, their tokens and client secret encrypted (AES-GCM) before they reach the database. */
public final class Connections {
    private static final String COLUMNS = "name, environment, login_url, instance_url, client_id, username, org_id, status, status_message,"
            + " access_token_enc, refresh_token_enc, client_secret_enc, updated_at, status_since, last_ok_at, checked_at, user_id, login_flow";

    private final Database db;
    private final SecretCipher cipher;
    private final Clock clock;

    Connections(Database db, SecretCipher cipher, Clock clock) {
        this.db = db;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * Inserts or replaces the connection of that name. The status keeps its start time while it stays the same; a
     * CONNECTED save counts as the login working now. Health values left null keep what the store had.
     */
    public SalesforceConnection save(SalesforceConnection connection) {
        Instant now = clock.instant();
        String name = connection.name();
        Secrets secrets = connection.secrets();
        SalesforceConnection.Health health = connection.health();
        Long lastOk = connection.status() == Status.CONNECTED ? Long.valueOf(now.toEpochMilli()) : millis(health.lastOkAt());
        db.update("INSERT INTO connections (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET"
                        + " environment = excluded.environment, login_url = excluded.login_url, instance_url = excluded.instance_url,"
                        + " client_id = excluded.client_id, username = excluded.username, org_id = excluded.org_id, status = excluded.status,"
                        + " status_message = excluded.status_message, access_token_enc = excluded.access_token_enc,"
                        + " refresh_token_enc = excluded.refresh_token_enc, client_secret_enc = excluded.client_secret_enc, updated_at = excluded.updated_at,"
                        + " status_since = CASE WHEN connections.status = excluded.status AND connections.status_since IS NOT NULL"
                        + " THEN connections.status_since ELSE excluded.status_since END,"
                        + " last_ok_at = coalesce(excluded.last_ok_at, connections.last_ok_at),"
                        + " checked_at = coalesce(excluded.checked_at, connections.checked_at),"
                        + " user_id = coalesce(excluded.user_id, connections.user_id),"
                        + " login_flow = coalesce(excluded.login_flow, connections.login_flow)",
                name, connection.environment().name(), connection.loginUrl(), connection.instanceUrl(), connection.clientId(), connection.username(),
                connection.orgId(), connection.status().name(), connection.statusMessage(),
                cipher.encrypt(secrets.accessToken(), context(name, "access_token")),
                cipher.encrypt(secrets.refreshToken(), context(name, "refresh_token")),
                cipher.encrypt(secrets.clientSecret(), context(name, "client_secret")), now.toEpochMilli(),
                now.toEpochMilli(), lastOk, millis(health.checkedAt()), health.userId(), health.loginFlow());
        return find(name).orElseThrow();
    }

    /** The result of a live check: the status (its start kept while unchanged) and when it was checked. */
    public SalesforceConnection recordCheck(String name, Status status, String message) {
        SalesforceConnection current = require(name);
        return save(current.withStatus(status, message).withHealth(new SalesforceConnection.Health(null, null, clock.instant(), null, null)));
    }

    /** A sync worked through this login: it is not stale. */
    public void recordSuccess(String name) {
        db.update("UPDATE connections SET last_ok_at = ? WHERE name = ?", clock.instant().toEpochMilli(), name);
    }

    /**
     * After a disconnect: the tokens are forgotten (the client secret too) and the connection is DISCONNECTED; who and
     * where it was stays, so that 'sfsync connections' can say what was disconnected and when.
     */
    public SalesforceConnection forget(String name) {
        return save(require(name).withSecrets(Secrets.NONE).withStatus(Status.DISCONNECTED, "disconnected by the user; its tokens were revoked"));
    }

    public Optional<SalesforceConnection> find(String name) {
        return db.queryOne("SELECT " + COLUMNS + " FROM connections WHERE name = ?", this::map, name);
    }

    public List<SalesforceConnection> list() {
        return db.query("SELECT " + COLUMNS + " FROM connections ORDER BY name", this::map);
    }

    /** After a token refresh; a null refresh token keeps the stored one (Salesforce often returns none). */
    public void updateTokens(String name, String accessToken, String refreshToken) {
        SalesforceConnection current = require(name);
        Secrets old = current.secrets();
        save(current.withSecrets(new Secrets(accessToken, refreshToken == null ? old.refreshToken() : refreshToken, old.clientSecret()))
                .withStatus(Status.CONNECTED, null));
    }

    public void updateStatus(String name, Status status, String message) {
        save(require(name).withStatus(status, message));
    }

    public boolean delete(String name) {
        return db.update("DELETE FROM connections WHERE name = ?", name) > 0;
    }

    private SalesforceConnection require(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("No connection named '" + name + "'; connections: "
                + list().stream().map(SalesforceConnection::name).toList()));
    }

    private SalesforceConnection map(ResultSet rs) throws SQLException {
        String name = rs.getString(1);
        Secrets secrets = new Secrets(cipher.decrypt(rs.getString(10), context(name, "access_token")),
                cipher.decrypt(rs.getString(11), context(name, "refresh_token")), cipher.decrypt(rs.getString(12), context(name, "client_secret")));
        return new SalesforceConnection(name, Environment.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), Status.valueOf(rs.getString(8)), rs.getString(9), secrets, Instant.ofEpochMilli(rs.getLong(13)),
                new SalesforceConnection.Health(instant(rs, 14), instant(rs, 15), instant(rs, 16), rs.getString(17), rs.getString(18)));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    /** Binds each ciphertext to its row and column. */
    private static String context(String name, String column) {
        return "connections/" + name + "/" + column;
    }
}
