package dev.sfsync.emulator.org;

import java.nio.file.Path;

/**
 * The org file's {@code tls:} section: serve this org's port over HTTPS, with the emulator's own certificate (saved in
 * {@code directory}, default {@code ~/.sfsync/emulator-tls}) or one the user brings, as a PKCS12 {@code keyStore} or as
 * PEM {@code certificate} and {@code privateKey} files. Turned into a server certificate when the emulator starts.
 */
public record TlsOption(boolean enabled, Path directory, Path keyStore, String keyStorePassword, Path certificate, Path privateKey) {
    public static final TlsOption OFF = new TlsOption(false, null, null, null, null, null);

    /** Where the emulator keeps the certificate it makes when the user gives no directory. */
    public static Path defaultDirectory() {
        return Path.of(System.getProperty("user.home"), ".sfsync", "emulator-tls");
    }
}
