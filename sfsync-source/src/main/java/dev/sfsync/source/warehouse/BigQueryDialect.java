package dev.sfsync.source.warehouse;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * BigQuery: FARM_FINGERPRINT of the row as JSON (a struct keeps nulls and positions apart); names in backticks,
 * text is STRING, integers INT64; UPDATE needs a WHERE, which {@link #updateFrom} has.
 */
public final class BigQueryDialect extends WarehouseDialect {
    @Override
    public String name() {
        return "BigQuery";
    }

    @Override
    public String rowHash(List<String> columns) {
        if (columns.isEmpty()) {
            return "FARM_FINGERPRINT('')";
        }
        return "FARM_FINGERPRINT(TO_JSON_STRING(STRUCT(" + IntStream.range(0, columns.size())
                .mapToObj(i -> columns.get(i) + " AS c" + i).collect(Collectors.joining(", ")) + ")))";
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier.replace("`", "\\`") + '`';
    }

    @Override
    public String textType() {
        return "STRING";
    }

    @Override
    public String integerType() {
        return "INT64";
    }
}
