package dev.sfsync.engine.config;

import dev.sfsync.source.ChangeDetectionMode;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a source's models are diffed, and the driver connection properties its authentication needs (Snowflake's
 * key pair, BigQuery's service account), each a reference or a plain value, resolved only when a connection opens.
 *
 * @param changeDetection where the diff runs: sfsync's DuckDB, or the warehouse itself
 * @param stateSchema     the warehouse schema for snapshots in warehouse mode
 * @param properties      JDBC connection property name to its value (never a secret written inline)
 */
public record SourceSettings(ChangeDetectionMode changeDetection, String stateSchema, Map<String, SecretRef> properties) {
    public SourceSettings {
        Objects.requireNonNull(changeDetection, "changeDetection is null");
        Objects.requireNonNull(stateSchema, "stateSchema is null");
        properties = Map.copyOf(new TreeMap<>(Objects.requireNonNull(properties, "properties is null")));
    }

    /** Diffed in sfsync's DuckDB, no driver properties: every source before warehouse mode existed. */
    public static SourceSettings local() {
        return new SourceSettings(ChangeDetectionMode.LOCAL, dev.sfsync.source.SourceConfig.DEFAULT_STATE_SCHEMA, Map.of());
    }
}
