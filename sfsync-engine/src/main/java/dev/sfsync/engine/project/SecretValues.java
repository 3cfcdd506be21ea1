package dev.sfsync.engine.project;

import dev.sfsync.engine.config.SecretRef;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the secrets a project file references: environment variables, or files inside the project directory. A
 * {@code ${file:...}} reaching outside it (an absolute path, {@code ../}, a symbolic link) is refused unless the
 * environment allows it with {@value #FILES_ANYWHERE}=true: a project file from elsewhere (a pull request, a shared
 * template) must not be able to make sfsync read, and send to a login URL it names, any file of the machine.
 */
public final class SecretValues {
    public static final String FILES_ANYWHERE = "SFSYNC_SECRET_FILES_ANYWHERE";

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
                checkInside(secret, file, projectDirectory);
                try {
                    yield Files.readString(file, StandardCharsets.UTF_8).strip();
                } catch (IOException e) {
                    throw new SecretMissing(secret, "create " + file.toAbsolutePath() + " holding the secret (" + e.getMessage() + ")");
                }
            }
        };
    }

    private static void checkInside(SecretRef secret, Path file, Path projectDirectory) {
        if ("true".equalsIgnoreCase(System.getenv(FILES_ANYWHERE))) {
            return;
        }
        Path project = real(projectDirectory.toAbsolutePath().normalize());
        Path target = real(file.toAbsolutePath().normalize());
        if (!target.startsWith(project)) {
            throw new SecretOutsideProject(secret, target, project);
        }
    }

    private static Path real(Path path) {
        try {
            return Files.exists(path) ? path.toRealPath() : path;
        } catch (IOException e) {
            return path;
        }
    }

    /** A ${file:...} secret points outside the project directory. */
    static final class SecretOutsideProject extends dev.sfsync.core.SfsyncException {
        SecretOutsideProject(SecretRef secret, Path target, Path project) {
            super("the secret " + secret + " is the file " + target + ", outside the project directory " + project,
                    "move the file into the project directory (and keep it out of version control), or, if this project file is yours,"
                            + " allow files anywhere with the environment variable " + FILES_ANYWHERE + "=true");
        }
    }

    /** A referenced secret is not there. */
    static final class SecretMissing extends dev.sfsync.core.SfsyncException {
        SecretMissing(SecretRef secret, String fix) {
            super("the secret " + secret + " is not available", fix);
        }
    }
}
