package dev.sfsync.source.warehouse;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Databricks (Spark SQL over Delta): xxhash64 of the row as JSON (xxhash64 of the columns alone skips nulls, so
 * (a, null) and (null, a) would collide); names in backticks, text is STRING; no UPDATE ... FROM, so MERGE.
 */
public final class DatabricksDialect extends WarehouseDialect {
    @Override
    public String name() {
        return "Databricks";
    }

    @Override
    public String rowHash(List<String> columns) {
        if (columns.isEmpty()) {
            return "xxhash64('')";
        }
        return "xxhash64(to_json(named_struct(" + IntStream.range(0, columns.size())
                .mapToObj(i -> "'c" + i + "', " + columns.get(i)).collect(Collectors.joining(", ")) + ")))";
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    @Override
    public String textType() {
        return "STRING";
    }

    @Override
    public String updateFrom(String target, String column, String source, String newColumn, String on) {
        return "MERGE INTO " + target + " t USING " + source + " c ON " + on + " WHEN MATCHED THEN UPDATE SET "
                + column + " = c." + newColumn;
    }
}
