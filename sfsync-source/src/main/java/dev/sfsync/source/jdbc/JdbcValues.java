package dev.sfsync.source.jdbc;

import dev.sfsync.core.model.ColumnType;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;

/** Reads a column's value as the Java type its {@link ColumnType} promises, whatever the driver returns. */
public final class JdbcValues {
    private JdbcValues() {
    }

    public static Object read(ResultSet rs, int column, ColumnType type) throws SQLException {
        Object value = switch (type) {
            case TEXT, OTHER -> rs.getString(column);
            case INTEGER -> {
                long v = rs.getLong(column);
                yield rs.wasNull() ? null : v;
            }
            case DOUBLE -> {
                double v = rs.getDouble(column);
                yield rs.wasNull() ? null : v;
            }
            case BOOLEAN -> {
                boolean v = rs.getBoolean(column);
                yield rs.wasNull() ? null : v;
            }
            case DECIMAL -> decimal(rs.getObject(column));
            case DATE -> rs.getObject(column, LocalDate.class);
            case TIME -> rs.getObject(column, LocalTime.class);
            case TIMESTAMP -> rs.getObject(column, LocalDateTime.class);
            case TIMESTAMP_TZ -> {
                OffsetDateTime v = rs.getObject(column, OffsetDateTime.class);
                yield v == null ? null : v.withOffsetSameInstant(ZoneOffset.UTC);
            }
            case LIST -> list(rs.getArray(column));
        };
        return value;
    }

    private static BigDecimal decimal(Object value) {
        return switch (value) {
            case null -> null;
            case BigDecimal d -> d;
            // Decimals of unknown precision are staged as text to stay exact; wide integers come as BigInteger.
            default -> new BigDecimal(value.toString());
        };
    }

    private static Object list(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        try {
            return Collections.unmodifiableList(Arrays.asList((Object[]) array.getArray()));
        } finally {
            array.free();
        }
    }
}
