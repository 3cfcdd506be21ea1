package dev.sfsync.source.warehouse;

import java.util.List;

/** Postgres: md5 of the row's length-prefixed text; DDL is transactional, so the whole commit is one transaction. */
public final class PostgresDialect extends WarehouseDialect {
    @Override
    public String name() {
        return "Postgres";
    }

    @Override
    public String rowHash(List<String> columns) {
        return columns.isEmpty() ? "md5('')" : "md5(" + encoded(columns, "||") + ")";
    }

    @Override
    public String textType() {
        return "TEXT";
    }

    @Override
    public Advance advance() {
        return Advance.TRANSACTION;
    }
}
