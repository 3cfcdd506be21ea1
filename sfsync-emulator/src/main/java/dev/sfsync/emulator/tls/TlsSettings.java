package dev.sfsync.emulator.tls;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;
import java.util.Optional;

/**
 * How an org's port serves TLS: the server's key and certificate, and, when the emulator made them, the files a client
 * trusts them by. Build one with {@link #selfSigned(Path)}, {@link #keyStore(Path, String)} or {@link #pem(Path, Path)}.
 */
public final class TlsSettings {
    /** The password of every key store the emulator writes; they hold nothing secret (a local test certificate). */
    public static final String STORE_PASSWORD = "changeit";

    private final KeyStore keyStore;
    private final String keyPassword;
    private final TrustFiles trustFiles;

    private TlsSettings(KeyStore keyStore, String keyPassword, TrustFiles trustFiles) {
        this.keyStore = Objects.requireNonNull(keyStore, "keyStore is null");
        this.keyPassword = Objects.requireNonNull(keyPassword, "keyPassword is null");
        this.trustFiles = trustFiles;
    }

    /**
     * The emulator's own certificate authority and server certificate, generated into {@code directory} the first time
     * and reused after (so a client told to trust them once keeps trusting them). The server certificate names
     * localhost, 127.0.0.1, ::1, this machine's name and {@code extraHostNames}.
     */
    public static TlsSettings selfSigned(Path directory, String... extraHostNames) {
        SelfSignedCertificates certificates = SelfSignedCertificates.in(directory, extraHostNames);
        return new TlsSettings(certificates.serverKeyStore(), STORE_PASSWORD, certificates.trustFiles());
    }

    /** A certificate the user brings, as a PKCS12 (or JKS) key store holding one private key and its chain. */
    public static TlsSettings keyStore(Path file, String password) {
        return new TlsSettings(UserCertificates.keyStore(file, password), password == null ? "" : password, null);
    }

    /** A certificate the user brings as PEM files: the certificate (chain) and its unencrypted private key. */
    public static TlsSettings pem(Path certificate, Path privateKey) {
        return new TlsSettings(UserCertificates.pem(certificate, privateKey), STORE_PASSWORD, null);
    }

    public KeyStore keyStore() {
        return keyStore;
    }

    public String keyPassword() {
        return keyPassword;
    }

    /** The files clients trust the emulator by, when it made its own certificate; empty for a user's certificate. */
    public Optional<TrustFiles> trustFiles() {
        return Optional.ofNullable(trustFiles);
    }

    /**
     * Where the emulator's certificate authority is saved: {@code pem} for Node ({@code NODE_EXTRA_CA_CERTS}), Python
     * ({@code REQUESTS_CA_BUNDLE}, {@code SSL_CERT_FILE}), curl ({@code --cacert}); {@code truststore} (PKCS12, password
     * {@value #STORE_PASSWORD}) for Java ({@code -Djavax.net.ssl.trustStore}).
     */
    public record TrustFiles(Path pem, Path truststore) {
        /** An SSL context trusting the emulator's certificate authority alone, for Java clients that take one. */
        public SSLContext sslContext() {
            try (InputStream in = Files.newInputStream(truststore)) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(in, STORE_PASSWORD.toCharArray());
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(store);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, trust.getTrustManagers(), null);
                return context;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("Could not read the emulator's trust store " + truststore + ": " + e.getMessage(), e);
            }
        }
    }
}
