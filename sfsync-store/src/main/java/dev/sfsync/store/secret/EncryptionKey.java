package dev.sfsync.store.secret;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The 256-bit AES key that encrypts secrets in the state store: from the environment variable {@value #ENV}
 * (base64, for servers and containers), else from a key file, generated on first use with owner-only (0600)
 * permissions. Losing the key makes stored secrets unreadable; connections then have to be made again.
 */
public final class EncryptionKey {
    public static final String ENV = "SFSYNC_SECRET_KEY";
    public static final String FILE_NAME = "secret.key";
    /** The key file's own directory in the state directory: owner-only (0700), so no one else can even list it. */
    public static final String DIRECTORY = "keys";
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    /** The same key under the name servers and secret managers tend to give it; {@value #ENV} wins when both are set. */
    public static final String MASTER_KEY_ENV = "SFSYNC_MASTER_KEY";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final SecretKey key;
    private final String origin;

    private EncryptionKey(byte[] bytes, String origin) {
        this.key = new SecretKeySpec(bytes, "AES");
        this.origin = origin;
    }

    /** {@value #ENV} from the process environment if set, else {@code keyFile} (created if missing). */
    public static EncryptionKey fromEnvironmentOrFile(Path keyFile) {
        return fromEnvironmentOrFile(System.getenv(), keyFile);
    }

    static EncryptionKey fromEnvironmentOrFile(Map<String, String> environment, Path keyFile) {
        return fromEnvironment(environment).orElseGet(() -> fromFile(keyFile));
    }

    /**
     * {@value #ENV} (or {@value #MASTER_KEY_ENV}) from the process environment if set, else the key file in the state
     * directory's own {@value #DIRECTORY}/ folder (0700, file 0600), created if missing. A key file left at the state
     * directory's top by an older sfsync is moved there first.
     */
    public static EncryptionKey forStateDirectory(Path stateDirectory) {
        return forStateDirectory(System.getenv(), stateDirectory);
    }

    static EncryptionKey forStateDirectory(Map<String, String> environment, Path stateDirectory) {
        Optional<EncryptionKey> fromEnvironment = fromEnvironment(environment);
        if (fromEnvironment.isPresent()) {
            return fromEnvironment.get();
        }
        Path directory = stateDirectory.resolve(DIRECTORY);
        Path keyFile = directory.resolve(FILE_NAME);
        try {
            ownerOnlyDirectory(directory);
            Path old = stateDirectory.resolve(FILE_NAME);
            if (Files.exists(old) && Files.notExists(keyFile)) {
                Files.move(old, keyFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            Path stateFile = stateDirectory.resolve(dev.sfsync.store.StateStore.FILE_NAME);
            if (Files.notExists(keyFile) && Files.exists(stateFile) && Files.size(stateFile) > 0) {
                // A new key could read none of the store's secrets: refused before one is made, so the file can be restored.
                throw new SecretKeyUnusable("The secret key file " + keyFile + " is missing, while the state file " + stateFile
                        + " holds logins encrypted with it", "restore " + DIRECTORY + "/" + FILE_NAME + " from the backup of the state directory"
                        + " (or set " + ENV + " to the key); without the key the state file cannot be used: move it away to start afresh"
                        + " (run history and logins are lost, `sfsync connect` again)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Can't prepare the secret key's directory " + directory + ": " + e.getMessage(), e);
        }
        return fromFile(keyFile);
    }

    private static void ownerOnlyDirectory(Path directory) throws IOException {
        Files.createDirectories(directory.getParent());
        boolean posix = Files.getFileStore(directory.getParent()).supportsFileAttributeView("posix");
        if (Files.notExists(directory)) {
            try {
                if (posix) {
                    Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
                    // The umask may have taken bits away from what was asked, never added: set exactly 0700.
                    Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
                } else {
                    Files.createDirectory(directory);
                }
            } catch (FileAlreadyExistsException raced) {
                // another process made it at the same moment: checked below like any existing one
            }
        }
        if (posix && !OWNER_ONLY_DIRECTORY.containsAll(Files.getPosixFilePermissions(directory))) {
            throw new SecretKeyUnusable("The secret key's directory " + directory + " is open to others ("
                    + PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)) + ")", "run: chmod 700 " + directory);
        }
    }

    /** {@value #ENV} from the process environment, if set. */
    public static Optional<EncryptionKey> fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    static Optional<EncryptionKey> fromEnvironment(Map<String, String> environment) {
        for (String name : new String[] {ENV, MASTER_KEY_ENV}) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(new EncryptionKey(decode(value.strip(), "environment variable " + name), "environment variable " + name));
            }
        }
        return Optional.empty();
    }

    /** The key in {@code keyFile}, which must be readable by its owner only; generated if the file does not exist. */
    public static EncryptionKey fromFile(Path keyFile) {
        Objects.requireNonNull(keyFile, "keyFile is null");
        try {
            if (Files.notExists(keyFile)) {
                generate(keyFile);
            }
            checkPermissions(keyFile);
            return new EncryptionKey(decode(Files.readString(keyFile).strip(), "key file " + keyFile), "key file " + keyFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Can't read or create the secret key file " + keyFile + ": " + e.getMessage(), e);
        }
    }

    /** A key from 32 bytes, e.g. for tests. */
    public static EncryptionKey of(byte[] bytes, String origin) {
        if (bytes.length != 32) {
            throw new IllegalArgumentException("an encryption key has 32 bytes, got " + bytes.length);
        }
        return new EncryptionKey(bytes.clone(), origin);
    }

    SecretKey secretKey() {
        return key;
    }

    /** Where the key came from, for messages (never the key itself). */
    public String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return "EncryptionKey[from " + origin + "]";
    }

    private static void generate(Path keyFile) throws IOException {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        Files.createDirectories(keyFile.toAbsolutePath().getParent());
        try {
            if (Files.getFileStore(keyFile.toAbsolutePath().getParent()).supportsFileAttributeView("posix")) {
                // Created with its permissions, so there is no moment when others could read it.
                Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(keyFile);
            }
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        Files.writeString(keyFile, Base64.getEncoder().encodeToString(bytes) + "\n");
    }

    private static void checkPermissions(Path keyFile) throws IOException {
        if (!Files.getFileStore(keyFile).supportsFileAttributeView("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(keyFile);
        if (!OWNER_ONLY.containsAll(permissions)) {
            throw new SecretKeyUnusable("The secret key file " + keyFile + " is readable by others (" + PosixFilePermissions.toString(permissions) + ")",
                    "run: chmod 600 " + keyFile);
        }
    }

    private static byte[] decode(String base64, String origin) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new SecretKeyUnusable("The secret key in " + origin + " is not base64", "set it to 32 random bytes in base64,"
                    + " e.g. the output of: openssl rand -base64 32");
        }
        if (bytes.length != 32) {
            throw new SecretKeyUnusable("The secret key in " + origin + " has " + bytes.length + " bytes; AES-256 needs 32",
                    "set it to 32 random bytes in base64, e.g. the output of: openssl rand -base64 32");
        }
        return bytes;
    }
}
