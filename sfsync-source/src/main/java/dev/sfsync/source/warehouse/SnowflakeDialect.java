package dev.sfsync.source.warehouse;

import java.util.List;

/** Snowflake: its own 64-bit HASH over the columns (nulls and positions included); DDL commits by itself, so MERGE. */
public final class SnowflakeDialect extends WarehouseDialect {
    @Override
    public String name() {
        return "Snowflake";
    }

    @Override
    public String rowHash(List<String> columns) {
        return columns.isEmpty() ? "HASH(0)" : "HASH(" + String.join(", ", columns) + ")";
    }
}
