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
}
