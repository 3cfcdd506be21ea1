package dev.sfsync.salesforce.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** Reads the RSA private key for the JWT bearer flow from PEM, in either of the forms openssl writes. */
public final class PrivateKeys {
    private PrivateKeys() {
    }

    public static PrivateKey fromPemFile(Path file) {
        try {
            return fromPem(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the private key file " + file, e);
        }
    }

    /** "BEGIN PRIVATE KEY" (PKCS#8) or "BEGIN RSA PRIVATE KEY" (PKCS#1); encrypted keys must be decrypted first. */
    public static PrivateKey fromPem(String pem) {
        if (pem.contains("ENCRYPTED")) {
            throw new IllegalArgumentException("the private key is encrypted; decrypt it first (openssl pkcs8 -topk8 -nocrypt -in key.pem)");
        }
        boolean pkcs1 = pem.contains("BEGIN RSA PRIVATE KEY");
        if (!pkcs1 && !pem.contains("BEGIN PRIVATE KEY")) {
            throw new IllegalArgumentException("not a PEM private key: expected a '-----BEGIN PRIVATE KEY-----' or '-----BEGIN RSA PRIVATE KEY-----' block");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs1 ? wrapPkcs1(der) : der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the PEM block is not a readable RSA private key: " + e.getMessage(), e);
        }
    }

    /** PKCS#1 holds the bare RSA key; the JDK reads PKCS#8, which is that key inside a small ASN.1 envelope. */
    private static byte[] wrapPkcs1(byte[] pkcs1) {
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
        byte[] version = {0x02, 0x01, 0x00};
        byte[] octetString = concat(new byte[]{0x04}, length(pkcs1.length), pkcs1);
        byte[] content = concat(version, algorithm, octetString);
        return concat(new byte[]{0x30}, length(content.length), content);
    }

    private static byte[] length(int length) {
        if (length < 0x80) {
            return new byte[]{(byte) length};
        }
        if (length < 0x100) {
            return new byte[]{(byte) 0x81, (byte) length};
        }
        if (length < 0x10000) {
            return new byte[]{(byte) 0x82, (byte) (length >> 8), (byte) length};
        }
        return new byte[]{(byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length};
    }

    private static byte[] concat(byte[]... parts) {
        int total = 0;
        for (byte[] part : parts) {
            total += part.length;
        }
        byte[] out = new byte[total];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
