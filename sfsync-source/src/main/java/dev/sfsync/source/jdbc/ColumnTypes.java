package dev.sfsync.source.jdbc;

import dev.sfsync.core.model.ColumnType;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;

/** Maps a driver's column metadata onto sfsync's {@link ColumnType}s. */
public final class ColumnTypes {
    private ColumnTypes() {
    }

    public static ColumnType of(ResultSetMetaData metadata, int column) throws SQLException {
        String name = String.valueOf(metadata.getColumnTypeName(column)).toLowerCase(Locale.ROOT);
        // Names first: Postgres reports timestamptz as TIMESTAMP, and DuckDB's wide integers as unusual JDBC types.
        if (name.equals("timestamptz") || name.startsWith("timestamp with time zone")) {
            return ColumnType.TIMESTAMP_TZ;
        }
        if (name.equals("hugeint") || name.equals("ubigint") || name.equals("uhugeint")) {
            return ColumnType.DECIMAL;
        }
        if (name.endsWith("[]") || name.startsWith("_")) {
            return ColumnType.LIST;
        }
        return switch (metadata.getColumnType(column)) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.CLOB,
                 Types.NCLOB -> ColumnType.TEXT;
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> ColumnType.INTEGER;
            case Types.NUMERIC, Types.DECIMAL -> ColumnType.DECIMAL;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> ColumnType.DOUBLE;
            case Types.BOOLEAN, Types.BIT -> ColumnType.BOOLEAN;
            case Types.DATE -> ColumnType.DATE;
            case Types.TIME -> ColumnType.TIME;
            case Types.TIMESTAMP -> ColumnType.TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE -> ColumnType.TIMESTAMP_TZ;
            case Types.ARRAY -> ColumnType.LIST;
            default -> ColumnType.OTHER;
        };
    }
}
