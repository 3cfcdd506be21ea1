package dev.sfsync.source.warehouse;

import java.util.List;

/**
 * DuckDB as a warehouse (a shared DuckDB file, or MotherDuck): its own 64-bit hash() over the columns, and MERGE for
 * the commit, so the MERGE path runs for real in sfsync's tests.
 */
public final class DuckDbDialect extends WarehouseDialect {
    @Override
    public String name() {
        return "DuckDB";
    }

    @Override
    public String rowHash(List<String> columns) {
        return "hash(" + (columns.isEmpty() ? "0" : String.join(", ", columns)) + ")";
    }

}
