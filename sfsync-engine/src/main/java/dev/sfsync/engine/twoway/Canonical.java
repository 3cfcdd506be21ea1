package dev.sfsync.engine.twoway;

import dev.sfsync.engine.inbound.FieldValues;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * One spelling of a value for comparing the two sides and the last synced value: 12.50 and 12.5 are the same
 * number, an empty text is no value (Salesforce stores none), a date-time is its instant in UTC. Without it, a value
 * written one way would come back looking different and be sent again: an echo.
 */
final class Canonical {
    private Canonical() {
    }

    /** @param salesforceType the field's type in the describe (boolean, double, date, datetime, string …) */
    static String of(Object value, String salesforceType) {
        if (value == null || (value instanceof String text && text.isEmpty())) {
            return null;
        }
        String type = salesforceType.toLowerCase(Locale.ROOT);
        return switch (type) {
            case "boolean" -> Boolean.toString(value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value).strip()));
            case "int", "double", "currency", "percent" -> new BigDecimal(String.valueOf(value).strip()).stripTrailingZeros().toPlainString();
            case "date" -> value instanceof java.sql.Date d ? d.toLocalDate().toString() : String.valueOf(value).strip().substring(0, 10);
            case "datetime" -> instant(value).toString();
            default -> value instanceof String text ? text : String.valueOf(value);
        };
    }

    static Instant instant(Object value) {
        return switch (value) {
            case Timestamp t -> t.toLocalDateTime().toInstant(ZoneOffset.UTC);
            case LocalDateTime l -> l.toInstant(ZoneOffset.UTC);
            case OffsetDateTime o -> o.toInstant();
            case Instant i -> i;
            default -> FieldValues.dateTime(String.valueOf(value).strip()).toInstant(ZoneOffset.UTC);
        };
    }

    /** A table's value as Salesforce's REST API takes it. */
    static Object forSalesforce(Object value) {
        return switch (value) {
            case null -> null;
            case java.sql.Date d -> d.toLocalDate().toString();
            case LocalDate d -> d.toString();
            case Timestamp t -> t.toLocalDateTime().toInstant(ZoneOffset.UTC).toString();
            case LocalDateTime l -> l.toInstant(ZoneOffset.UTC).toString();
            case OffsetDateTime o -> o.toInstant().toString();
            default -> value;
        };
    }
}
