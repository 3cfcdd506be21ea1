package dev.sfsync.engine.project;

import dev.sfsync.engine.config.ConnectionConfig;
import dev.sfsync.store.SalesforceConnection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The org a sync's snapshot belongs to, known without an API call: the org id `sfsync connect` stored for the
 * connection, or else the connection's name and login host (a different connection is taken for a different org).
 */
record SnapshotOrg(String key) {
    static SnapshotOrg of(ConnectionConfig connection, SalesforceConnection stored) {
        if (stored != null && stored.orgId() != null && stored.orgId().matches("[A-Za-z0-9]{15,18}")) {
            return new SnapshotOrg(stored.orgId().substring(0, 15));
        }
        String login = connection.loginUrl() == null ? connection.environment().name() : connection.loginUrl();
        return new SnapshotOrg("c" + digest(connection.name() + "\n" + login.toLowerCase(Locale.ROOT)));
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
