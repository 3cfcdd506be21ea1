package dev.sfsync.source.snapshot;

import dev.sfsync.core.SfsyncException;
import dev.sfsync.source.jdbc.JdbcSource;
import dev.sfsync.source.warehouse.WarehouseDialect;

/** A source set to {@code change_detection: warehouse} whose database sfsync has no SQL dialect for. */
public final class WarehouseNotSupported extends SfsyncException {
    public WarehouseNotSupported(JdbcSource source) {
        super("Source '" + source.name() + "' (" + source.config().url() + ") is set to change_detection: warehouse, but sfsync can diff"
                        + " inside " + String.join(", ", WarehouseDialect.supported()) + " only",
                "set change_detection: local for this source (its rows are then diffed in sfsync's own DuckDB)");
    }
}
