package dev.sfsync.engine.config;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a secret lives, never the secret itself: {@code ${env:NAME}} (an environment variable) or
 * {@code ${file:path}} (a file, relative to the project directory, e.g. a mounted secret). The project file can be
 * committed and reviewed because it holds only these references.
 */
public record SecretRef(Kind kind, String name) {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|file):([^}]+)}");

    /** PLAIN only for values that are not secret but may be referenced, such as a database user name. */
    public enum Kind { ENV, FILE, PLAIN }

    public SecretRef {
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(name, "name is null");
    }

    public static Optional<SecretRef> parse(String text) {
        Matcher m = REFERENCE.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new SecretRef(m.group(1).equals("env") ? Kind.ENV : Kind.FILE, m.group(2).trim()));
    }

    @Override
    public String toString() {
        return kind == Kind.PLAIN ? name : "${" + kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + name + "}";
    }
}
