package dev.sfsync.source.warehouse;

import java.util.List;

/**
 * Redshift: md5 as in Postgres, but a VARCHAR without length is 256 bytes there, so text is VARCHAR(65535); its
 * MERGE allows one WHEN MATCHED clause only, so the commit is DELETE and INSERT in a transaction.
 */
public final class RedshiftDialect extends WarehouseDialect {
    @Override
    public String name() {
        return "Redshift";
    }

    @Override
    public String rowHash(List<String> columns) {
        return columns.isEmpty() ? "md5('')" : "md5(" + encoded(columns, "||") + ")";
    }

    @Override
    public String textType() {
        return "VARCHAR(65535)";
    }

    @Override
    public Advance advance() {
        return Advance.TRANSACTION;
    }

    /** No alias in DELETE here: the condition names the table itself. */
    @Override
    public String deleteFrom(String table, String alias, String condition) {
        return "DELETE FROM " + table + " WHERE " + unaliased(condition, alias, table);
    }
}
