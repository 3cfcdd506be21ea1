package dev.sfsync.engine.connection;

import dev.sfsync.salesforce.auth.OAuthTokens;
import dev.sfsync.salesforce.auth.TokenRenewal;
import dev.sfsync.store.SalesforceConnection;
import dev.sfsync.store.StateStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * One refresh for every process and thread holding a connection's stored grant. Renewal takes a lock file in the state
 * directory (and a lock in this JVM), then looks at the store: if someone else renewed since our token was refused,
 * their tokens are adopted; otherwise this process renews, with the newest refresh token stored, and stores the
 * answer (a rotated refresh token included) before letting the next one in. Without this, two runs refreshing a
 * rotating grant at once invalidate each other's refresh token.
 */
public final class SharedRenewal implements TokenRenewal {
    private static final Map<Path, Object> JVM_LOCKS = new ConcurrentHashMap<>();

    private final StateStore store;
    private final String connection;
    private final Path lockFile;

    public SharedRenewal(StateStore store, String connection, Path stateDirectory) {
        this.store = Objects.requireNonNull(store, "store is null");
        this.connection = Objects.requireNonNull(connection, "connection is null");
        this.lockFile = stateDirectory.resolve("locks").resolve("connection-" + connection + ".lock").toAbsolutePath();
    }

    @Override
    public OAuthTokens renew(OAuthTokens rejected, UnaryOperator<OAuthTokens> obtain) {
        synchronized (JVM_LOCKS.computeIfAbsent(lockFile, k -> new Object())) {
            try {
                Files.createDirectories(lockFile.getParent());
                try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = channel.lock()) {
                    return renewHoldingLock(rejected, obtain);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock " + lockFile + " to renew the login of connection '" + connection
                        + "' (" + e.getMessage() + "); check the state directory is writable", e);
            }
        }
    }

    private OAuthTokens renewHoldingLock(OAuthTokens rejected, UnaryOperator<OAuthTokens> obtain) {
        OAuthTokens stored = store.connections().find(connection).map(SharedRenewal::tokensOf).orElse(null);
        boolean renewedElsewhere = stored != null && (rejected == null || !stored.accessToken().equals(rejected.accessToken()));
        if (renewedElsewhere) {
            return stored;
        }
        OAuthTokens fresh = obtain.apply(stored != null ? stored : rejected);
        if (store.connections().find(connection).isPresent()) {
            store.connections().updateTokens(connection, fresh.accessToken(), fresh.refreshToken());
        }
        return fresh;
    }

    /** The stored tokens, when there are live ones to adopt. */
    static OAuthTokens tokensOf(SalesforceConnection stored) {
        SalesforceConnection.Secrets secrets = stored.secrets();
        if (secrets.accessToken() == null || stored.instanceUrl() == null || stored.status() == SalesforceConnection.Status.DISCONNECTED) {
            return null;
        }
        return new OAuthTokens(secrets.accessToken(), secrets.refreshToken(), URI.create(stored.instanceUrl()), null, stored.updatedAt(), null);
    }
}
