package dev.sfsync.source.warehouse;

import java.util.List;

/**
 * Postgres: md5 of the row's text form (a record's text output quotes values and leaves nulls empty, so it is
 * unambiguous, and costs one cast instead of several per column); DDL is transactional, so the whole commit is one
 * transaction.
 */
public final class PostgresDialect extends WarehouseDialect {
    @Override
    public String name() {
        return "Postgres";
    }

    @Override
    public String rowHash(List<String> columns) {
        return columns.isEmpty() ? "md5('')" : "md5(CAST(ROW(" + String.join(", ", columns) + ") AS TEXT))";
    }

    @Override
    public String textType() {
        return "TEXT";
    }

    /** OFFSET 0 keeps Postgres from inlining the subquery, which would compute its row hash once per reference. */
    @Override
    public String fence(String subquery) {
        return subquery + " OFFSET 0";
    }

    @Override
    public Advance advance() {
        return Advance.TRANSACTION;
    }
}
