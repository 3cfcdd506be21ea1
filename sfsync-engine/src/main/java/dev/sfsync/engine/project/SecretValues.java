package dev.sfsync.engine.project;

import dev.sfsync.engine.config.SecretRef;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads the secrets a project file references: environment variables, or files relative to the project. */
public final class SecretValues {
    private SecretValues() {
    }

    public static String resolve(SecretRef ref, Path projectDirectory) {
        return resolve(Optional.of(ref), projectDirectory);
    }

    public static String resolve(Optional<SecretRef> ref, Path projectDirectory) {
        if (ref.isEmpty()) {
            return null;
        }
        SecretRef secret = ref.get();
        return switch (secret.kind()) {
            case PLAIN -> secret.name();
            case ENV -> {
                String value = System.getenv(secret.name());
                if (value == null) {
                    throw new SecretMissing(secret, "set the environment variable " + secret.name());
                }
                yield value;
            }
            case FILE -> {
                Path file = projectDirectory.resolve(secret.name());
                try {
                    yield Files.readString(file, StandardCharsets.UTF_8).strip();
                } catch (IOException e) {
                    throw new SecretMissing(secret, "create " + file.toAbsolutePath() + " holding the secret (" + e.getMessage() + ")");
                }
            }
        };
    }

    /** A referenced secret is not there. */
    static final class SecretMissing extends dev.sfsync.core.SfsyncException {
        SecretMissing(SecretRef secret, String fix) {
            super("the secret " + secret + " is not available", fix);
        }
    }
}
