package dev.sfsync.engine.inbound;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/**
 * Turns a field's value as a query returns it (REST: JSON strings, numbers and booleans; Bulk: CSV text) into the
 * Java value its column takes. Date-times are stored in UTC without a zone.
 */
public final class FieldValues {
    // Salesforce writes 2024-05-06T10:15:30.000+0000 in JSON and 2024-05-06T10:15:30.000Z in Bulk CSV.
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .toFormatter();

    private FieldValues() {
    }

    static Object toColumn(ColumnType type, Object raw) {
        if (raw == null || (raw instanceof String text && text.isEmpty() && type != ColumnType.TEXT)) {
            return null;
        }
        try {
            return switch (type) {
                case TEXT -> raw instanceof String text ? text : String.valueOf(raw);
                case BOOLEAN -> raw instanceof Boolean b ? b : Boolean.valueOf(String.valueOf(raw).strip().equalsIgnoreCase("true"));
                case INTEGER -> raw instanceof Number n ? (Object) n.longValue() : (Object) new BigDecimal(String.valueOf(raw).strip()).longValueExact();
                case DECIMAL -> raw instanceof BigDecimal d ? d : new BigDecimal(String.valueOf(raw).strip());
                case DOUBLE -> raw instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(raw).strip());
                case DATE -> LocalDate.parse(String.valueOf(raw).strip());
                case TIMESTAMP -> dateTime(String.valueOf(raw).strip());
                case TIME -> LocalTime.parse(String.valueOf(raw).strip().replace("Z", ""));
            };
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            throw new IllegalArgumentException("'" + raw + "' is not a " + type.name().toLowerCase(java.util.Locale.ROOT) + " value", e);
        }
    }

    /** A Salesforce date-time (JSON's +0000 or CSV's Z form) as a UTC date-time. */
    public static LocalDateTime dateTime(String text) {
        java.time.temporal.TemporalAccessor parsed = DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
        return parsed instanceof OffsetDateTime offset ? offset.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime() : (LocalDateTime) parsed;
    }

    /** A SOQL date-time literal (no quotes), e.g. 2024-05-06T10:15:30Z. */
    static String soqlLiteral(LocalDateTime utc) {
        return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(utc.withNano(0)) + "Z";
    }
}
