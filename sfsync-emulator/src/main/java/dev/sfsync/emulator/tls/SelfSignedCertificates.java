package dev.sfsync.emulator.tls;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The emulator's own small certificate authority and a server certificate it signs, kept in one directory. A CA and a
 * separate leaf, rather than one self-signed leaf, because strict verifiers (Python 3.13's default X509_STRICT, Java's
 * PKIX) refuse a certificate that is both the trust anchor and the server's, while all of them accept a CA file.
 */
final class SelfSignedCertificates {
    static final String CA_PEM = "emulator-ca.pem";
    static final String TRUSTSTORE = "emulator-truststore.p12";
    private static final String CA_KEYSTORE = "emulator-ca.p12";
    private static final String SERVER_KEYSTORE = "emulator-server.p12";
    private static final String ALIAS = "sfsync-emulator";
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration SERVER_VALIDITY = Duration.ofDays(825);

    private final Path directory;
    private final KeyStore serverKeyStore;

    private SelfSignedCertificates(Path directory, KeyStore serverKeyStore) {
        this.directory = directory;
        this.serverKeyStore = serverKeyStore;
    }

    /** Loads what {@code directory} holds, generating the CA once and the server certificate when it misses a name. */
    static SelfSignedCertificates in(Path directory, String... extraHostNames) {
        Set<String> names = hostNames(extraHostNames);
        try {
            Files.createDirectories(directory);
            // Two emulators started at once (parallel test JVMs) must not both write the files.
            try (FileChannel lockFile = FileChannel.open(directory.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockFile.lock()) {
                KeyStore ca = loadOrCreateCa(directory);
                KeyStore server = loadServer(directory, names);
                if (server == null) {
                    server = issueServer(ca, names);
                    save(server, directory.resolve(SERVER_KEYSTORE));
                }
                return new SelfSignedCertificates(directory, server);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the emulator's TLS certificate to " + directory + " (" + e.getMessage()
                    + "); pick a writable directory", e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate the emulator's TLS certificate: " + e.getMessage(), e);
        }
    }

    KeyStore serverKeyStore() {
        return serverKeyStore;
    }

    TlsSettings.TrustFiles trustFiles() {
        return new TlsSettings.TrustFiles(directory.resolve(CA_PEM).toAbsolutePath(), directory.resolve(TRUSTSTORE).toAbsolutePath());
    }

    private static Set<String> hostNames(String... extra) {
        Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
        try {
            names.add(InetAddress.getLocalHost().getHostName());
        } catch (IOException e) {
            // A machine without a resolvable name of its own is still reached as localhost.
        }
        for (String name : extra) {
            if (name != null && !name.isBlank() && !name.equals("0.0.0.0") && !name.equals("::")) {
                names.add(name);
            }
        }
        return names;
    }

    private static KeyStore loadOrCreateCa(Path directory) throws IOException, GeneralSecurityException, OperatorCreationException {
        Path file = directory.resolve(CA_KEYSTORE);
        if (Files.exists(file) && Files.exists(directory.resolve(CA_PEM)) && Files.exists(directory.resolve(TRUSTSTORE))) {
            KeyStore ca = load(file);
            X509Certificate certificate = (X509Certificate) ca.getCertificate(ALIAS);
            if (certificate != null && certificate.getNotAfter().toInstant().isAfter(Instant.now().plus(Duration.ofDays(30)))) {
                return ca;
            }
        }
        KeyPair keys = rsaKeys();
        X500Name subject = new X500Name("CN=sfsync emulator local CA,O=sfsync");
        Instant now = Instant.now();
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(CA_VALIDITY)), subject, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()))
                .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(keys.getPublic()));
        X509Certificate certificate = sign(builder, keys.getPrivate());
        KeyStore ca = emptyStore();
        ca.setKeyEntry(ALIAS, keys.getPrivate(), TlsSettings.STORE_PASSWORD.toCharArray(), new Certificate[]{certificate});
        save(ca, file);
        KeyStore trust = emptyStore();
        trust.setCertificateEntry(ALIAS, certificate);
        save(trust, directory.resolve(TRUSTSTORE));
        Files.writeString(directory.resolve(CA_PEM), pem(certificate), StandardCharsets.US_ASCII);
        // A new CA makes the old server certificate worthless.
        Files.deleteIfExists(directory.resolve(SERVER_KEYSTORE));
        return ca;
    }

    /** The saved server key store, or null when it is missing, expiring, or does not name every host. */
    private static KeyStore loadServer(Path directory, Set<String> names) throws IOException, GeneralSecurityException {
        Path file = directory.resolve(SERVER_KEYSTORE);
        if (!Files.exists(file)) {
            return null;
        }
        KeyStore server = load(file);
        X509Certificate certificate = (X509Certificate) server.getCertificate(ALIAS);
        if (certificate == null || certificate.getNotAfter().toInstant().isBefore(Instant.now().plus(Duration.ofDays(30)))) {
            return null;
        }
        Set<String> covered = new LinkedHashSet<>();
        if (certificate.getSubjectAlternativeNames() != null) {
            certificate.getSubjectAlternativeNames().forEach(entry -> covered.add(String.valueOf(entry.get(1))));
        }
        for (String name : names) {
            if (!covered.contains(name) && !covered.contains(expandedIpv6(name))) {
                return null;
            }
        }
        return server;
    }

    private static KeyStore issueServer(KeyStore ca, Set<String> names) throws IOException, GeneralSecurityException, OperatorCreationException {
        PrivateKey caKey = (PrivateKey) ca.getKey(ALIAS, TlsSettings.STORE_PASSWORD.toCharArray());
        X509Certificate caCertificate = (X509Certificate) ca.getCertificate(ALIAS);
        KeyPair keys = rsaKeys();
        List<GeneralName> alternatives = new ArrayList<>();
        for (String name : names) {
            boolean ip = name.contains(":") || name.matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
            alternatives.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, name));
        }
        Instant now = Instant.now();
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(caCertificate, serial(), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(SERVER_VALIDITY)), new X500Name("CN=localhost,O=sfsync emulator"), keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternatives.toArray(GeneralName[]::new)))
                .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()))
                .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(caCertificate));
        X509Certificate certificate = sign(builder, caKey);
        KeyStore server = emptyStore();
        server.setKeyEntry(ALIAS, keys.getPrivate(), TlsSettings.STORE_PASSWORD.toCharArray(), new Certificate[]{certificate, caCertificate});
        return server;
    }

    private static String expandedIpv6(String name) {
        return name.equals("::1") ? "0:0:0:0:0:0:0:1" : name;
    }

    private static KeyPair rsaKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, new SecureRandom());
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) throws GeneralSecurityException, OperatorCreationException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(key)));
    }

    private static KeyStore emptyStore() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, TlsSettings.STORE_PASSWORD.toCharArray());
        }
        return store;
    }

    private static void save(KeyStore store, Path file) throws IOException, GeneralSecurityException {
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            store.store(out, TlsSettings.STORE_PASSWORD.toCharArray());
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static String pem(Certificate certificate) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(certificate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return "certificates in " + directory + " " + Arrays.toString(new String[]{CA_PEM, TRUSTSTORE});
    }
}
