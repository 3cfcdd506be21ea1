package dev.sfsync.source;

import java.util.Objects;

/**
 * Where a source is: a JDBC URL and, for servers, credentials. Credentials are resolved by the caller (from an
 * environment variable or a secrets file) and never printed: {@link #toString()} masks the password.
 *
 * @param name     the source's name in the project, used in messages
 * @param url      a JDBC URL: {@code jdbc:duckdb:/path/warehouse.duckdb}, {@code jdbc:duckdb:} (in memory, for
 *                 models that read CSV or Parquet files), {@code jdbc:postgresql://host/db}, or any driver's URL
 * @param user     null when the URL or driver needs none
 * @param password null when the URL or driver needs none
 */
public record SourceConfig(String name, String url, String user, String password) {
    public SourceConfig {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(url, "url is null");
        if (!url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("Source '" + name + "' has URL '" + url + "', which is not a JDBC URL:"
                    + " write jdbc:duckdb:/path/file.duckdb, jdbc:postgresql://host:5432/db, or your driver's jdbc: URL");
        }
    }

    public static SourceConfig of(String name, String url) {
        return new SourceConfig(name, url, null, null);
    }

    @Override
    public String toString() {
        return "SourceConfig[name=" + name + ", url=" + url + ", user=" + user + ", password=" + (password == null ? "none" : "****") + "]";
    }
}
