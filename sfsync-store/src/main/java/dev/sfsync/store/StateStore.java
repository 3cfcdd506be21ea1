package dev.sfsync.store;

import dev.sfsync.store.internal.Database;
import dev.sfsync.store.secret.EncryptionKey;
import dev.sfsync.store.secret.SecretCipher;
import dev.sfsync.store.secret.SecretKeyUnusable;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * What sfsync remembers between runs. Open it embedded (a SQLite file in the project's state directory) or on
 * Postgres (for teams and the server); both get the same schema through Flyway migrations, run on open.
 * <pre>{@code
 * try (StateStore store = StateStore.embedded(stateDir).open()) {
 *     Run run = store.runs().start(sync, Run.Kind.OUTBOUND);
 *     store.outcomes().record(run.id(), outcomes);
 *     store.runs().finish(run.id(), Run.Status.SUCCEEDED, store.outcomes().summarize(run.id()), null);
 * }
 * }</pre>
 * Thread-safe; calls are serialized on one database connection.
 * <p>
 * Why SQLite rather than H2 for the embedded store: its file format is stable across versions (an H2 upgrade can
 * need an export and import of the file), it is one file a user can open with the {@code sqlite3} shell to see what
 * sfsync did, and WAL mode keeps it consistent through crashes.
 */
public final class StateStore implements AutoCloseable {
    /** The embedded store's file in the state directory. */
    public static final String FILE_NAME = "state.db";
    private static final String KEY_CHECK = "sfsync secret key check";
    /** The source module's snapshot file, which belongs with this store: one without the other is refused. */
    private static final String SNAPSHOTS_FILE = "snapshots.duckdb";

    private final Database db;
    private final Connections connections;
    private final SyncDefinitions syncs;
    private final Runs runs;
    private final RowOutcomes outcomes;
    private final ApiLog apiLog;
    private final InboundCursors cursors;
    private final Retention retention;
    private final RunLeases leases;
    private final WriteIntents intents;
    private final RunCancellations cancellations;
    private final SnapshotMarks snapshotMarks;

    private final SecretCipher cipher;

    private StateStore(Database db, SecretCipher cipher, Clock clock) {
        this.db = db;
        this.cipher = cipher;
        this.connections = new Connections(db, cipher, clock);
        this.syncs = new SyncDefinitions(db, clock);
        this.runs = new Runs(db, clock);
        this.outcomes = new RowOutcomes(db);
        this.apiLog = new ApiLog(db);
        this.cursors = new InboundCursors(db, clock);
        this.retention = new Retention(db, clock);
        this.leases = new RunLeases(db, clock);
        this.intents = new WriteIntents(db, clock);
        this.cancellations = new RunCancellations(db, clock);
        this.snapshotMarks = new SnapshotMarks(db);
    }

    /** The store's encryption of secrets at rest, for secrets other parts keep elsewhere (a pending login's PKCE verifier). */
    public SecretCipher secretCipher() {
        return cipher;
    }

    /** The embedded store: {@value #FILE_NAME} in {@code stateDirectory}, its key from {@link EncryptionKey#ENV} or {@code keys/secret.key} there. */
    public static Builder embedded(Path stateDirectory) {
        return new Builder(stateDirectory, null, null, null);
    }

    /** A store in a Postgres database (schema from the URL's {@code currentSchema}, else {@code public}). */
    public static Builder postgres(String jdbcUrl, String user, String password) {
        return new Builder(null, jdbcUrl, user, password);
    }

    public Connections connections() {
        return connections;
    }

    public SyncDefinitions syncs() {
        return syncs;
    }

    public Runs runs() {
        return runs;
    }

    /** Which process runs which sync: a second run of a busy sync is refused, and a dead run's lease expires. */
    public RunLeases runLeases() {
        return leases;
    }

    /** Requests to cancel runs, from any process sharing the store; the run's own process notices them. */
    public RunCancellations cancellations() {
        return cancellations;
    }

    /** The write-ahead record of rows being created and Bulk jobs opened, kept until their outcomes are settled. */
    public WriteIntents intents() {
        return intents;
    }

    /** The snapshot sizes the last runs committed, to tell a lost snapshot from a new one. */
    public SnapshotMarks snapshotMarks() {
        return snapshotMarks;
    }

    public RowOutcomes outcomes() {
        return outcomes;
    }

    public ApiLog apiLog() {
        return apiLog;
    }

    public InboundCursors cursors() {
        return cursors;
    }

    /** Removes the row outcomes and API log of runs the policy no longer keeps. */
    public PruneResult prune(RetentionPolicy policy) {
        return retention.prune(policy, false);
    }

    /** What {@link #prune} would remove now, removing nothing. */
    public PruneResult prunable(RetentionPolicy policy) {
        return retention.prune(policy, true);
    }

    @Override
    public void close() {
        db.close();
    }

    /** Options of a store to open. */
    public static final class Builder {
        private final Path stateDirectory;
        private final String url;
        private final String user;
        private final String password;
        private EncryptionKey key;
        private Clock clock = Clock.systemUTC();

        private Builder(Path stateDirectory, String url, String user, String password) {
            this.stateDirectory = stateDirectory;
            this.url = url;
            this.user = user;
            this.password = password;
        }

        /** The key for secrets; by default {@link EncryptionKey#ENV}, else the state directory's key file (embedded only). */
        public Builder encryptionKey(EncryptionKey encryptionKey) {
            this.key = Objects.requireNonNull(encryptionKey, "encryptionKey is null");
            return this;
        }

        public Builder clock(Clock storeClock) {
            this.clock = Objects.requireNonNull(storeClock, "clock is null");
            return this;
        }

        /**
         * Opens the store, creating or migrating its schema.
         *
         * @throws SecretKeyUnusable if the key is not the one the store's secrets were encrypted with
         */
        public StateStore open() {
            Properties properties = new Properties();
            String jdbcUrl;
            String description;
            if (stateDirectory != null) {
                createDirectories(stateDirectory);
                Path file = stateDirectory.resolve(FILE_NAME).toAbsolutePath();
                checkFile(file);
                jdbcUrl = "jdbc:sqlite:" + file;
                description = "state file " + file;
                properties.setProperty("journal_mode", "WAL");
                properties.setProperty("synchronous", "NORMAL");
                properties.setProperty("busy_timeout", "10000");
                if (key == null) {
                    key = EncryptionKey.forStateDirectory(stateDirectory);
                }
            } else {
                jdbcUrl = url;
                description = "state database " + url;
                if (user != null) {
                    properties.setProperty("user", user);
                }
                if (password != null) {
                    properties.setProperty("password", password);
                }
                if (key == null) {
                    key = EncryptionKey.fromEnvironment().orElseThrow(() -> new SecretKeyUnusable(
                            "A Postgres state store needs its secret key from the environment variable " + EncryptionKey.ENV,
                            "set " + EncryptionKey.ENV + " to 32 random bytes in base64 (e.g. the output of: openssl rand -base64 32),"
                                    + " the same on every machine that shares the store"));
                }
            }
            migrate(jdbcUrl, properties, description);
            if (stateDirectory != null) {
                ownerOnly(stateDirectory.resolve(FILE_NAME));
            }
            Database db = new Database(jdbcUrl, properties, description);
            try {
                SecretCipher cipher = new SecretCipher(key);
                checkKey(db, cipher);
                return new StateStore(db, cipher, clock);
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
        }

        /** A damaged file is refused, never replaced by a fresh store (see {@link StateStoreDamaged}). */
        private static void checkFile(Path file) {
            Path snapshots = file.resolveSibling(SNAPSHOTS_FILE);
            try {
                if (Files.exists(file) && Files.size(file) == 0) {
                    throw StateStoreDamaged.empty(file);
                }
                if (Files.notExists(file) && Files.exists(snapshots) && Files.size(snapshots) > 0) {
                    throw StateStoreDamaged.missingBesideSnapshots(file, snapshots);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Can't read the state file " + file + ": " + e.getMessage(), e);
            }
        }

        private static void migrate(String jdbcUrl, Properties properties, String description) {
            if (CurrentSchema.isCurrent(jdbcUrl, properties)) {
                return;
            }
            try {
                Flyway.configure().dataSource(jdbcUrl, properties.getProperty("user"), properties.getProperty("password"))
                        .loggers("slf4j").locations("classpath:" + CurrentSchema.LOCATION).load().migrate();
            } catch (FlywayException e) {
                if (jdbcUrl.startsWith("jdbc:sqlite:") && damaged(String.valueOf(causes(e)))) {
                    throw StateStoreDamaged.notADatabase(Path.of(jdbcUrl.substring("jdbc:sqlite:".length())), e);
                }
                throw new StoreMigrationFailed(description, e);
            }
        }

        /** SQLite's own words for a file that is no database (NOTADB) or one whose pages were cut or overwritten (CORRUPT). */
        static boolean damaged(String message) {
            return message.contains("NOTADB") || message.contains("SQLITE_CORRUPT");
        }

        /** The first key a store sees is remembered by a sealed marker; any other key is refused before it can write secrets. */
        private static void checkKey(Database db, SecretCipher cipher) {
            List<String> stored = db.query("SELECT value FROM store_meta WHERE name = 'key_check'", rs -> rs.getString(1));
            if (stored.isEmpty()) {
                db.update("INSERT INTO store_meta (name, value) VALUES ('key_check', ?)", cipher.encrypt(KEY_CHECK, "store_meta/key_check"));
            } else {
                cipher.decrypt(stored.getFirst(), "store_meta/key_check");
            }
        }

        /** The state file holds the API log and (encrypted) tokens: readable by its owner only, like the key file. */
        private static void ownerOnly(Path file) {
            try {
                if (Files.exists(file) && Files.getFileStore(file).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                }
            } catch (IOException | UnsupportedOperationException e) {
                // A file system without owner permissions (a Windows share) keeps its own rules; the secrets stay encrypted.
            }
        }

        private static String causes(Throwable e) {
            StringBuilder text = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                text.append(t.getMessage()).append(' ');
            }
            return text.toString();
        }

        /**
         * The state directory holds the snapshots and the Bulk spool files (model rows) beside the state file, so it is
         * its owner's only, like the key directory; one made before that is tightened.
         */
        private static void createDirectories(Path directory) {
            try {
                Files.createDirectories(directory);
                // Only a directory the user owns is tightened: one shared with others (or owned by root) is theirs to set.
                if (Files.getFileStore(directory).supportsFileAttributeView("posix")
                        && Files.getOwner(directory).getName().equals(System.getProperty("user.name"))) {
                    Files.setPosixFilePermissions(directory, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Can't create the state directory " + directory + ": " + e.getMessage(), e);
            }
        }
    }
}
