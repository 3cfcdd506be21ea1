package dev.sfsync.source;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a source is: a JDBC URL and, for servers, credentials. Credentials are resolved by the caller (from an
 * environment variable or a secrets file) and never printed: {@link #toString()} masks the password and properties.
 *
 * @param name            the source's name in the project, used in messages
 * @param url             a JDBC URL: {@code jdbc:duckdb:/path/warehouse.duckdb}, {@code jdbc:duckdb:} (in memory, for
 *                        models that read CSV or Parquet files), {@code jdbc:postgresql://host/db}, or any driver's URL
 * @param user            null when the URL or driver needs none
 * @param password        null when the URL or driver needs none
 * @param properties      further driver connection properties (e.g. Snowflake's {@code private_key_file}), resolved
 * @param changeDetection where models of this source are diffed
 * @param stateSchema     the warehouse schema holding the snapshots in {@link ChangeDetectionMode#WAREHOUSE} mode
 */
public record SourceConfig(String name, String url, String user, String password, Map<String, String> properties,
                           ChangeDetectionMode changeDetection, String stateSchema) {
    /** The schema warehouse-mode snapshots live in unless told otherwise. */
    public static final String DEFAULT_STATE_SCHEMA = "sfsync_state";

    public SourceConfig {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(url, "url is null");
        if (!url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("Source '" + name + "' has URL '" + url + "', which is not a JDBC URL:"
                    + " write jdbc:duckdb:/path/file.duckdb, jdbc:postgresql://host:5432/db, or your driver's jdbc: URL");
        }
        properties = Map.copyOf(new TreeMap<>(Objects.requireNonNull(properties, "properties is null")));
        Objects.requireNonNull(changeDetection, "changeDetection is null");
        stateSchema = stateSchema == null ? DEFAULT_STATE_SCHEMA : stateSchema;
    }

    /** A source diffed locally, with no driver properties. */
    public SourceConfig(String name, String url, String user, String password) {
        this(name, url, user, password, Map.of(), ChangeDetectionMode.LOCAL, null);
    }

    public static SourceConfig of(String name, String url) {
        return new SourceConfig(name, url, null, null);
    }

    /** This source with its models diffed inside the warehouse, snapshots in {@code schema}. */
    public SourceConfig inWarehouse(String schema) {
        return new SourceConfig(name, url, user, password, properties, ChangeDetectionMode.WAREHOUSE, schema);
    }

    @Override
    public String toString() {
        return "SourceConfig[name=" + name + ", url=" + url + ", user=" + user + ", password=" + (password == null ? "none" : "****")
                + ", properties=" + properties.keySet() + ", changeDetection=" + changeDetection + ", stateSchema=" + stateSchema + "]";
    }
}
