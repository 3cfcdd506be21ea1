package dev.sfsync.source.snapshot;

import java.util.Objects;

/**
 * How much of the machine the snapshot store's DuckDB may use. DuckDB spills to the state directory's
 * {@code tmp/} folder past {@code memoryLimit}, so memory stays bounded whatever the model's size.
 *
 * @param memoryLimit a DuckDB size, e.g. {@code 1GB} or {@code 512MB}
 * @param threads     worker threads for DuckDB's queries
 */
public record SnapshotSettings(String memoryLimit, int threads) {
    public SnapshotSettings {
        Objects.requireNonNull(memoryLimit, "memoryLimit is null");
        if (!memoryLimit.matches("\\d+(\\.\\d+)?\\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)")) {
            throw new IllegalArgumentException("memory limit '" + memoryLimit + "' is not a size: write e.g. 512MB or 1GB");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** 1 GB and one thread per core. */
    public static SnapshotSettings defaults() {
        return new SnapshotSettings("1GB", Runtime.getRuntime().availableProcessors());
    }
}
