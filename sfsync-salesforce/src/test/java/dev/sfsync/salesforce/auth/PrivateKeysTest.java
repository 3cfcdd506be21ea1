package dev.sfsync.salesforce.auth;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrivateKeysTest {
    @Test
    void reads_pkcs8_and_pkcs1_pem_into_the_same_key() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        byte[] pkcs8 = keys.getPrivate().getEncoded();
        // A 2048-bit key's PKCS#8 envelope is 26 bytes; what follows is the PKCS#1 key openssl writes as "RSA PRIVATE KEY".
        byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);

        assertThat(PrivateKeys.fromPem(pem("PRIVATE KEY", pkcs8))).isEqualTo(keys.getPrivate());
        assertThat(PrivateKeys.fromPem(pem("RSA PRIVATE KEY", pkcs1))).isEqualTo(keys.getPrivate());
    }

    @Test
    void encrypted_or_foreign_pem_is_refused_with_the_fix() {
        assertThatThrownBy(() -> PrivateKeys.fromPem("-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----"))
                .hasMessageContaining("openssl pkcs8");
        assertThatThrownBy(() -> PrivateKeys.fromPem("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"))
                .hasMessageContaining("BEGIN PRIVATE KEY");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
