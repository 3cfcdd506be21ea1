package dev.sfsync.source.drivers;

import java.util.Objects;

/** A JDBC driver jar in a Maven repository, and the driver class it must hold. */
public record DriverArtifact(String group, String artifact, String version, String driverClass) {
    public DriverArtifact {
        Objects.requireNonNull(group, "group is null");
        Objects.requireNonNull(artifact, "artifact is null");
        Objects.requireNonNull(version, "version is null");
        Objects.requireNonNull(driverClass, "driverClass is null");
        if (!version.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("'" + version + "' is not a version: use letters, digits, '.', '_' and '-'");
        }
    }

    /** {@code group/path/artifact/version/artifact-version.jar}, relative to a Maven repository's root. */
    public String path() {
        return group.replace('.', '/') + "/" + artifact + "/" + version + "/" + fileName();
    }

    public String fileName() {
        return artifact + "-" + version + ".jar";
    }

    @Override
    public String toString() {
        return group + ":" + artifact + ":" + version;
    }
}
