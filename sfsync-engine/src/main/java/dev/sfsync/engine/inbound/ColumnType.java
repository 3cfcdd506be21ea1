package dev.sfsync.engine.inbound;

import java.util.Locale;

/** The SQL type a Salesforce field lands in; one spelling that DuckDB and Postgres both accept. */
enum ColumnType {
    TEXT("VARCHAR"),
    BOOLEAN("BOOLEAN"),
    INTEGER("BIGINT"),
    DECIMAL("DECIMAL"),
    DOUBLE("DOUBLE PRECISION"),
    DATE("DATE"),
    TIMESTAMP("TIMESTAMP"),
    TIME("TIME");

    private final String sql;

    ColumnType(String sql) {
        this.sql = sql;
    }

    String sql(int precision, int scale) {
        return this == DECIMAL ? "DECIMAL(" + precision + "," + scale + ")" : sql;
    }

    /** The type a Salesforce field type (describe's {@code type}) is kept as; null for types a query cannot return flat. */
    static ColumnType of(String salesforceType, int precision, int scale) {
        return switch (salesforceType.toLowerCase(Locale.ROOT)) {
            case "boolean" -> BOOLEAN;
            case "int" -> INTEGER;
            case "double", "currency", "percent" -> precision > 0 && precision <= 38 && scale >= 0 && scale <= precision ? DECIMAL : DOUBLE;
            case "date" -> DATE;
            case "datetime" -> TIMESTAMP;
            case "time" -> TIME;
            case "address", "location", "base64", "complexvalue" -> null;
            default -> TEXT;
        };
    }

    /** The kind of an existing column, from the database's type name; the same kind is what a migration keeps. */
    static ColumnType ofDatabaseType(String typeName) {
        String type = typeName.toLowerCase(Locale.ROOT);
        if (type.startsWith("bool")) {
            return BOOLEAN;
        }
        if (type.equals("bigint") || type.equals("int8") || type.equals("integer") || type.equals("int4") || type.equals("int")
                || type.equals("smallint") || type.equals("hugeint")) {
            return INTEGER;
        }
        if (type.startsWith("decimal") || type.startsWith("numeric")) {
            return DECIMAL;
        }
        if (type.startsWith("double") || type.equals("float8") || type.equals("float") || type.equals("real") || type.equals("float4")) {
            return DOUBLE;
        }
        if (type.equals("date")) {
            return DATE;
        }
        if (type.startsWith("timestamp")) {
            return TIMESTAMP;
        }
        if (type.startsWith("time")) {
            return TIME;
        }
        return TEXT;
    }
}
