package dev.sfsync.source.warehouse;

import java.util.List;

/**
 * Trino (with a connector that writes: Iceberg, Delta Lake, Hive ACID): md5 of the row's length-prefixed text as
 * hex; no UPDATE ... FROM, so MERGE; no multi-statement transactions on most connectors, so MERGE for the commit too.
 */
public final class TrinoDialect extends WarehouseDialect {
    @Override
    public String name() {
        return "Trino";
    }

    @Override
    public String rowHash(List<String> columns) {
        return "lower(to_hex(md5(to_utf8(" + (columns.isEmpty() ? "''" : encoded(columns, "||")) + "))))";
    }

    @Override
    public String updateFrom(String target, String column, String source, String newColumn, String on) {
        return "MERGE INTO " + target + " t USING " + source + " c ON " + on + " WHEN MATCHED THEN UPDATE SET "
                + column + " = c." + newColumn;
    }

    /** No alias in DELETE here: the condition names the table itself. */
    @Override
    public String deleteFrom(String table, String alias, String condition) {
        return "DELETE FROM " + table + " WHERE " + unaliased(condition, alias, table);
    }
}
