package dev.sfsync.emulator.tls;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reads a certificate the user passes, failing with what is wrong with the file and how to fix it. */
final class UserCertificates {
    private UserCertificates() {
    }

    static KeyStore keyStore(Path file, String password) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read the TLS key store " + file + " (check the path)");
        }
        char[] secret = password == null ? new char[0] : password.toCharArray();
        for (String type : List.of("PKCS12", "JKS")) {
            try (InputStream in = Files.newInputStream(file)) {
                KeyStore store = KeyStore.getInstance(type);
                store.load(in, secret);
                boolean hasKey = false;
                for (String alias : Collections.list(store.aliases())) {
                    hasKey |= store.isKeyEntry(alias);
                }
                if (!hasKey) {
                    throw new IllegalArgumentException("the TLS key store " + file + " holds no private key (fix: export the "
                            + "certificate together with its key, e.g. openssl pkcs12 -export -in cert.pem -inkey key.pem -out " + file.getFileName() + ")");
                }
                return store;
            } catch (IOException | GeneralSecurityException e) {
                if (e.getCause() instanceof java.security.UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                    throw new IllegalArgumentException("the TLS key store " + file + " did not open with the password given (fix: pass its password)");
                }
                // Try the next type.
            }
        }
        throw new IllegalArgumentException("the TLS key store " + file + " is neither PKCS12 nor JKS (fix: pass a .p12 file, or the "
                + "certificate and key as PEM files)");
    }

    static KeyStore pem(Path certificateFile, Path keyFile) {
        List<Certificate> chain = new ArrayList<>();
        PrivateKey key = null;
        try {
            for (Object item : pemObjects(certificateFile)) {
                if (item instanceof X509CertificateHolder holder) {
                    chain.add(new JcaX509CertificateConverter().getCertificate(holder));
                }
            }
            for (Object item : pemObjects(keyFile)) {
                if (item instanceof PEMKeyPair pair) {
                    key = new JcaPEMKeyConverter().getKeyPair(pair).getPrivate();
                } else if (item instanceof PrivateKeyInfo info) {
                    key = new JcaPEMKeyConverter().getPrivateKey(info);
                }
            }
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("the TLS certificate file " + certificateFile + " holds no PEM certificate "
                        + "(fix: pass a file with -----BEGIN CERTIFICATE-----)");
            }
            if (key == null) {
                throw new IllegalArgumentException("the TLS key file " + keyFile + " holds no unencrypted PEM private key (fix: pass a "
                        + "file with -----BEGIN PRIVATE KEY-----; decrypt it with openssl pkey -in KEY -out key.pem)");
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("user", key, TlsSettings.STORE_PASSWORD.toCharArray(), chain.toArray(Certificate[]::new));
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use the TLS certificate " + certificateFile + " with key " + keyFile + ": " + e.getMessage());
        }
    }

    private static List<Object> pemObjects(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file + " (check the path)");
        }
        List<Object> items = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                items.add(item);
            }
        }
        return items;
    }
}
