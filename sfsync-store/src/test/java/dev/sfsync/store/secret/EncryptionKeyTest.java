package dev.sfsync.store.secret;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EncryptionKeyTest {
    @TempDir
    Path dir;

    @Test
    void a_missing_key_file_is_generated_readable_by_its_owner_only_and_reused() throws Exception {
        Path file = dir.resolve("state/secret.key");
        EncryptionKey first = EncryptionKey.fromEnvironmentOrFile(Map.of(), file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        String sealed = new SecretCipher(first).encrypt("secret", "ctx");
        assertThat(new SecretCipher(EncryptionKey.fromEnvironmentOrFile(Map.of(), file)).decrypt(sealed, "ctx")).isEqualTo("secret");
        assertThat(first.origin()).isEqualTo("key file " + file);
    }

    @Test
    void the_key_file_lives_in_its_own_owner_only_directory_of_the_state_directory() throws Exception {
        Path state = dir.resolve("state");
        EncryptionKey key = EncryptionKey.forStateDirectory(Map.of(), state);

        Path keys = state.resolve(EncryptionKey.DIRECTORY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(EncryptionKey.FILE_NAME)))).isEqualTo("rw-------");
        assertThat(key.origin()).isEqualTo("key file " + keys.resolve(EncryptionKey.FILE_NAME));
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThatThrownBy(() -> EncryptionKey.forStateDirectory(Map.of(), state)).isInstanceOf(SecretKeyUnusable.class)
                .hasMessageContaining("open to others").hasMessageContaining("chmod 700 " + keys);
    }

    @Test
    void a_key_file_an_older_sfsync_left_beside_the_state_file_is_moved_into_the_keys_directory() throws Exception {
        Path state = dir.resolve("state");
        Path old = state.resolve(EncryptionKey.FILE_NAME);
        String sealed = new SecretCipher(EncryptionKey.fromFile(old)).encrypt("secret", "ctx");

        EncryptionKey moved = EncryptionKey.forStateDirectory(Map.of(), state);

        assertThat(old).doesNotExist();
        assertThat(state.resolve(EncryptionKey.DIRECTORY).resolve(EncryptionKey.FILE_NAME)).exists();
        assertThat(new SecretCipher(moved).decrypt(sealed, "ctx")).as("the same key").isEqualTo("secret");
    }

    @Test
    void a_key_file_others_can_read_is_refused_with_the_chmod_to_run() throws Exception {
        Path file = dir.resolve("secret.key");
        EncryptionKey.fromFile(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> EncryptionKey.fromFile(file)).isInstanceOf(SecretKeyUnusable.class)
                .hasMessageContaining("readable by others").hasMessageContaining("chmod 600 " + file);
    }

    @Test
    void the_environment_variable_wins_over_the_file_and_must_hold_32_bytes() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(EncryptionKey.fromEnvironmentOrFile(Map.of(EncryptionKey.ENV, key), dir.resolve("unused.key")).origin())
                .isEqualTo("environment variable SFSYNC_SECRET_KEY");
        assertThat(dir.resolve("unused.key")).doesNotExist();
        assertThatThrownBy(() -> EncryptionKey.fromEnvironmentOrFile(Map.of(EncryptionKey.ENV, "c2hvcnQ="), dir.resolve("unused.key")))
                .isInstanceOf(SecretKeyUnusable.class).hasMessageContaining("has 5 bytes").hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> EncryptionKey.fromEnvironmentOrFile(Map.of(EncryptionKey.ENV, "not base64!"), dir.resolve("unused.key")))
                .isInstanceOf(SecretKeyUnusable.class).hasMessageContaining("not base64");
    }

    @Test
    void a_secret_moved_to_another_row_or_column_does_not_decrypt() {
        SecretCipher cipher = new SecretCipher(EncryptionKey.fromFile(dir.resolve("k")));
        String sealed = cipher.encrypt("token", "connections/prod/refresh_token");
        assertThat(sealed).startsWith("v1:").doesNotContain("token");
        assertThat(cipher.encrypt("token", "connections/prod/refresh_token")).as("fresh nonce each time").isNotEqualTo(sealed);
        assertThatThrownBy(() -> cipher.decrypt(sealed, "connections/other/refresh_token")).isInstanceOf(SecretKeyUnusable.class);
    }

    @Test
    void a_server_can_give_the_key_as_sfsync_master_key_and_no_key_file_is_made() {
        Path file = dir.resolve("secret.key");
        String base64 = Base64.getEncoder().encodeToString(new byte[32]);
        EncryptionKey key = EncryptionKey.fromEnvironmentOrFile(Map.of(EncryptionKey.MASTER_KEY_ENV, base64), file);
        assertThat(key.origin()).isEqualTo("environment variable SFSYNC_MASTER_KEY");
        assertThat(file).doesNotExist();
    }
}
