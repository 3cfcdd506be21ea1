package dev.sfsync.source;

import dev.sfsync.core.model.Model;
import dev.sfsync.core.model.ModelSchema;
import dev.sfsync.source.duckdb.DuckDbSource;
import dev.sfsync.source.jdbc.JdbcSource;

/**
 * A database that models query. Sources open connections per use and hold none between calls, so a source
 * object is cheap, thread-safe, and needs no closing. Change detection works over any source through
 * {@link #read}; a {@link DuckDbSource} is also run inside the snapshot store's DuckDB, which is faster.
 */
public interface Source {
    String name();

    /**
     * The columns the model returns, checked against its key: fails with {@link ModelQueryFailed} (the source's
     * own message) or {@link ModelMissingKeyColumn}. Does not run the whole query where the driver can avoid it.
     */
    ModelSchema describe(Model model);

    /** Streams the model's rows; close the reader when done. Fails like {@link #describe}. */
    ModelReader read(Model model);

    /**
     * A DuckDB source for {@code jdbc:duckdb:} URLs, a {@link JdbcSource} for any other driver, and for any URL whose
     * models are diffed in the warehouse (which writes its snapshots there, so even a DuckDB file is opened read-write).
     */
    static Source open(SourceConfig config) {
        return config.url().startsWith("jdbc:duckdb:") && config.changeDetection() == ChangeDetectionMode.LOCAL
                ? DuckDbSource.of(config) : new JdbcSource(config);
    }
}
