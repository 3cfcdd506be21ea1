package dev.sfsync.store;

import dev.sfsync.store.secret.EncryptionKey;

import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The state store contract on the embedded SQLite file; "stored data" is every file in the state directory. */
class EmbeddedStateStoreTest extends StateStoreContract {
    @TempDir
    Path stateDirectory;

    @Override
    StateStore open(EncryptionKey key) {
        return StateStore.embedded(stateDirectory).encryptionKey(key).clock(clock).open();
    }

    @Override
    boolean storedDataContains(String text) {
        try (Stream<Path> files = Files.walk(stateDirectory)) {
            return files.filter(Files::isRegularFile).anyMatch(file -> {
                try {
                    return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @org.junit.jupiter.api.Test
    void the_state_file_is_readable_by_its_owner_only() throws IOException {
        org.assertj.core.api.Assertions.assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(stateDirectory.resolve(StateStore.FILE_NAME)))).isEqualTo("rw-------");
    }

    @org.junit.jupiter.api.Test
    void a_missing_key_file_beside_a_state_file_is_refused_with_how_to_recover_and_no_new_key_is_made() throws IOException {
        store.close();
        store = null;
        Path keyFile = stateDirectory.resolve("keys").resolve("secret.key");
        org.assertj.core.api.Assertions.assertThat(keyFile).as("this store's key was given, not kept in a file").doesNotExist();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StateStore.embedded(stateDirectory).clock(clock).open())
                .isInstanceOf(dev.sfsync.store.secret.SecretKeyUnusable.class).hasMessageContaining("secret.key is missing")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((dev.sfsync.store.secret.SecretKeyUnusable) e).fix())
                        .contains("restore keys/secret.key"));
        org.assertj.core.api.Assertions.assertThat(keyFile).doesNotExist();
    }

    @org.junit.jupiter.api.Test
    void the_state_directory_with_the_snapshots_and_spool_files_is_its_owners_only_even_one_made_before() throws IOException {
        org.assertj.core.api.Assertions.assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(stateDirectory))).isEqualTo("rwx------");
        store.close();
        store = null;
        Files.setPosixFilePermissions(stateDirectory, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));

        store = open(key(1));

        org.assertj.core.api.Assertions.assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(stateDirectory))).isEqualTo("rwx------");
    }

    @org.junit.jupiter.api.Test
    void an_empty_state_file_is_refused_not_recreated() throws IOException {
        store.close();
        store = null;
        Files.deleteIfExists(stateDirectory.resolve(StateStore.FILE_NAME + "-wal"));
        Files.write(stateDirectory.resolve(StateStore.FILE_NAME), new byte[0]);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> open(key(1))).isInstanceOf(StateStoreDamaged.class)
                .hasMessageContaining("is empty (0 bytes)").hasMessageContaining("How to fix");
        org.assertj.core.api.Assertions.assertThat(stateDirectory.resolve(StateStore.FILE_NAME)).isEmptyFile();
    }

    /** A batch's failed rows and its success counts go in one transaction: when the counts cannot be kept, neither are the rows. */
    @org.junit.jupiter.api.Test
    void failed_rows_and_success_counts_are_kept_together_or_not_at_all() throws Exception {
        dev.sfsync.core.RunId run = store.runs().start(ACCOUNTS, Run.Kind.OUTBOUND).id();
        try (java.sql.Connection sqlite = java.sql.DriverManager.getConnection("jdbc:sqlite:" + stateDirectory.resolve(StateStore.FILE_NAME));
             java.sql.Statement statement = sqlite.createStatement()) {
            // The process "dies" (here: the statement fails) between the failed rows and the counts.
            statement.execute("CREATE TRIGGER counts_fail BEFORE INSERT ON outcome_counts BEGIN SELECT RAISE(ABORT, 'the disk is gone'); END");
        }
        java.util.List<dev.sfsync.core.outcome.RowOutcome> failed = java.util.List.of(new dev.sfsync.core.outcome.RowOutcome.Failed(
                dev.sfsync.core.model.RowKey.of("9"), dev.sfsync.core.outcome.RowError.of("UNABLE_TO_LOCK_ROW", "locked"), 1));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.outcomes().record(run, failed,
                java.util.Map.of(dev.sfsync.core.outcome.OutcomeStatus.CREATED, 500L), 7L)).isInstanceOf(StoreFailed.class);

        org.assertj.core.api.Assertions.assertThat(store.outcomes().summarize(run).failed()).as("no half batch").isZero();
        org.assertj.core.api.Assertions.assertThat(store.outcomes().list(run, java.util.Set.of(), 10, 0)).isEmpty();
        store.outcomes().record(run, failed);
        org.assertj.core.api.Assertions.assertThat(store.outcomes().summarize(run).failed()).as("the store still writes after it").isEqualTo(1);
    }
}
