package dev.sfsync.emulator.write;

import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.FieldType;
import dev.sfsync.emulator.org.PicklistValue;
import dev.sfsync.emulator.org.SalesforceIds;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a value from the wire (JSON scalar or CSV text) into what the field stores, or fails with the error
 * Salesforce gives: INVALID_TYPE_ON_FIELD_IN_RECORD, STRING_TOO_LONG, NUMBER_OUTSIDE_VALID_RANGE,
 * INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST, INVALID_EMAIL_ADDRESS, MALFORMED_ID.
 */
final class ValueCoercer {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final DateTimeFormatter DATETIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd['T'][' ']HH:mm[:ss]")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    private ValueCoercer() {
    }

    /** The stored form of {@code raw}; null stays null (required and boolean checks happen elsewhere). */
    static Object coerce(FieldSchema field, Object raw) throws InvalidValue {
        if (raw == null) {
            return null;
        }
        FieldType type = field.type();
        return switch (type) {
            case BOOLEAN -> toBoolean(field, raw);
            case INT, DOUBLE, CURRENCY, PERCENT -> toNumber(field, raw);
            case DATE -> toDate(field, raw);
            case DATETIME -> toDateTime(field, raw);
            case ID, REFERENCE -> toId(field, raw);
            case PICKLIST -> checkLength(field, picklist(field, text(raw)));
            case MULTIPICKLIST -> checkLength(field, multiPicklist(field, text(raw)));
            case EMAIL -> checkLength(field, email(field, text(raw)));
            default -> checkLength(field, text(raw));
        };
    }

    private static String text(Object raw) {
        return raw instanceof BigDecimal number ? number.toPlainString() : String.valueOf(raw);
    }

    private static InvalidValue wrongType(FieldSchema field, Object raw) {
        return new InvalidValue(RecordError.of("INVALID_TYPE_ON_FIELD_IN_RECORD",
                field.label() + ": value not of required type: " + raw, field.name()));
    }

    private static Boolean toBoolean(FieldSchema field, Object raw) throws InvalidValue {
        if (raw instanceof Boolean b) {
            return b;
        }
        String text = text(raw).trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "1", "yes" -> Boolean.TRUE;
            case "false", "0", "no" -> Boolean.FALSE;
            default -> throw wrongType(field, raw);
        };
    }

    private static BigDecimal toNumber(FieldSchema field, Object raw) throws InvalidValue {
        BigDecimal number;
        if (raw instanceof BigDecimal d) {
            number = d;
        } else if (raw instanceof Number n) {
            number = new BigDecimal(n.toString());
        } else if (raw instanceof Boolean) {
            throw wrongType(field, raw);
        } else {
            try {
                number = new BigDecimal(text(raw).trim());
            } catch (NumberFormatException e) {
                throw wrongType(field, raw);
            }
        }
        int scale = field.type() == FieldType.INT ? 0 : field.scale();
        if (field.type() == FieldType.INT && number.stripTrailingZeros().scale() > 0) {
            throw wrongType(field, raw);
        }
        BigDecimal rounded = number.setScale(Math.max(scale, 0), RoundingMode.HALF_UP);
        int integerDigits = rounded.precision() - rounded.scale();
        if (field.precision() > 0 && integerDigits > field.precision() - scale) {
            throw new InvalidValue(RecordError.of("NUMBER_OUTSIDE_VALID_RANGE",
                    field.label() + ": value outside of valid range on numeric field: " + number.toPlainString(), field.name()));
        }
        return rounded;
    }

    private static LocalDate toDate(FieldSchema field, Object raw) throws InvalidValue {
        String text = text(raw).trim();
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw wrongType(field, raw);
        }
    }

    private static Instant toDateTime(FieldSchema field, Object raw) throws InvalidValue {
        String text = text(raw).trim();
        try {
            var parsed = DATETIME.parseBest(text, OffsetDateTime::from, java.time.LocalDateTime::from);
            if (parsed instanceof OffsetDateTime offset) {
                return offset.toInstant();
            }
            return ((java.time.LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException again) {
                throw wrongType(field, raw);
            }
        }
    }

    private static String toId(FieldSchema field, Object raw) throws InvalidValue {
        String text = text(raw).trim();
        if (text.isEmpty()) {
            return null;
        }
        return SalesforceIds.normalize(text).orElseThrow(() -> new InvalidValue(RecordError.of("MALFORMED_ID",
                field.label() + ": id value of incorrect type: " + text, field.name())));
    }

    private static String picklist(FieldSchema field, String value) throws InvalidValue {
        if (!field.restrictedPicklist()) {
            return value;
        }
        for (PicklistValue allowed : field.picklistValues()) {
            if (allowed.active() && allowed.value().equals(value)) {
                return value;
            }
        }
        throw restricted(field, value);
    }

    private static String multiPicklist(FieldSchema field, String value) throws InvalidValue {
        Set<String> selected = new LinkedHashSet<>();
        for (String part : value.split(";")) {
            String trimmed = part.trim();
            if (!trimmed.isEmpty()) {
                selected.add(field.restrictedPicklist() ? picklist(field, trimmed) : trimmed);
            }
        }
        return String.join(";", selected);
    }

    private static InvalidValue restricted(FieldSchema field, String value) {
        return new InvalidValue(RecordError.of("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                field.label() + ": bad value for restricted picklist field: " + value, field.name()));
    }

    private static String email(FieldSchema field, String value) throws InvalidValue {
        if (!value.isEmpty() && !EMAIL.matcher(value).matches()) {
            throw new InvalidValue(RecordError.of("INVALID_EMAIL_ADDRESS", field.label() + ": invalid email address: " + value, field.name()));
        }
        return value;
    }

    private static String checkLength(FieldSchema field, String value) throws InvalidValue {
        if (field.length() > 0 && value.length() > field.length()) {
            String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
            throw new InvalidValue(RecordError.of("STRING_TOO_LONG",
                    field.label() + ": data value too large: " + shown + " (max length=" + field.length() + ")", field.name()));
        }
        return value;
    }
}
