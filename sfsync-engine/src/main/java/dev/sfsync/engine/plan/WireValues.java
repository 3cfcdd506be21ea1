package dev.sfsync.engine.plan;

import dev.sfsync.core.outcome.RowError;
import dev.sfsync.salesforce.describe.FieldDescribe;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Model values as the values Salesforce stores, checked as Salesforce checks them (type, length, range, restricted
 * picklists, e-mail shape), so that a value Salesforce would refuse is refused here with the same error code and
 * costs no API call. Dates become ISO text; timestamps without a zone are taken as UTC.
 */
final class WireValues {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private WireValues() {
    }

    /** Thrown with the error Salesforce would give the row. */
    static final class Refused extends Exception {
        final transient RowError error;

        Refused(RowError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }
    }

    static Object convert(FieldDescribe field, Object value) throws Refused {
        if (value == null || (value instanceof String s && s.isEmpty())) {
            return nullValue(field);
        }
        return switch (field.type()) {
            case "boolean" -> toBoolean(field, value);
            case "int", "long" -> toNumber(field, value, 0);
            case "double", "currency", "percent" -> toNumber(field, value, field.scale());
            case "date" -> toDate(field, value).toString();
            case "datetime" -> toInstant(field, value).toString();
            case "time" -> value instanceof LocalTime t ? t.toString() : text(value);
            case "multipicklist" -> multiPicklist(field, value);
            case "picklist" -> checkLength(field, picklist(field, text(value)));
            case "email" -> email(field, checkLength(field, text(value)));
            default -> checkLength(field, text(value));
        };
    }

    private static Object nullValue(FieldDescribe field) throws Refused {
        if ("boolean".equals(field.type())) {
            throw new Refused(RowError.of("INVALID_TYPE_ON_FIELD_IN_RECORD", field.label() + ": value not of required type: null", field.name()));
        }
        if (!field.nillable()) {
            throw new Refused(RowError.of("REQUIRED_FIELD_MISSING", "Required fields are missing: [" + field.name() + "]", field.name()));
        }
        return null;
    }

    private static String text(Object value) {
        return switch (value) {
            case BigDecimal d -> d.toPlainString();
            case Double d -> BigDecimal.valueOf(d).toPlainString();
            case Collection<?> c -> String.join(";", c.stream().map(String::valueOf).toList());
            default -> value.toString();
        };
    }

    private static Refused wrongType(FieldDescribe field, Object value) {
        return new Refused(RowError.of("INVALID_TYPE_ON_FIELD_IN_RECORD", field.label() + ": value not of required type: " + text(value), field.name()));
    }

    private static Boolean toBoolean(FieldDescribe field, Object value) throws Refused {
        if (value instanceof Boolean b) {
            return b;
        }
        return switch (text(value).trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> Boolean.TRUE;
            case "false", "0", "no" -> Boolean.FALSE;
            default -> throw wrongType(field, value);
        };
    }

    private static BigDecimal toNumber(FieldDescribe field, Object value, int scale) throws Refused {
        BigDecimal number;
        try {
            number = value instanceof BigDecimal d ? d : value instanceof Boolean ? null : new BigDecimal(text(value).trim());
        } catch (NumberFormatException e) {
            number = null;
        }
        if (number == null || (scale == 0 && number.stripTrailingZeros().scale() > 0)) {
            throw wrongType(field, value);
        }
        BigDecimal rounded = number.setScale(Math.max(scale, 0), RoundingMode.HALF_UP);
        int integerDigits = rounded.precision() - rounded.scale();
        if (field.precision() > 0 && integerDigits > field.precision() - Math.max(scale, 0)) {
            throw new Refused(RowError.of("NUMBER_OUTSIDE_VALID_RANGE",
                    field.label() + ": value outside of valid range on numeric field: " + number.toPlainString(), field.name()));
        }
        return rounded;
    }

    private static LocalDate toDate(FieldDescribe field, Object value) throws Refused {
        return switch (value) {
            case LocalDate d -> d;
            case LocalDateTime t -> t.toLocalDate();
            case OffsetDateTime t -> t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
            default -> {
                String text = text(value).trim();
                try {
                    yield LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
                } catch (DateTimeParseException e) {
                    throw wrongType(field, value);
                }
            }
        };
    }

    private static Instant toInstant(FieldDescribe field, Object value) throws Refused {
        return switch (value) {
            case OffsetDateTime t -> t.toInstant();
            case LocalDateTime t -> t.toInstant(ZoneOffset.UTC);
            case LocalDate d -> d.atStartOfDay(ZoneOffset.UTC).toInstant();
            case Instant i -> i;
            default -> {
                String text = text(value).trim();
                try {
                    yield OffsetDateTime.parse(text).toInstant();
                } catch (DateTimeParseException e) {
                    try {
                        yield LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
                    } catch (DateTimeParseException again) {
                        try {
                            yield LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                        } catch (DateTimeParseException last) {
                            throw wrongType(field, value);
                        }
                    }
                }
            }
        };
    }

    private static String picklist(FieldDescribe field, String value) throws Refused {
        if (field.restrictedPicklist() && !field.activePicklistValues().contains(value)) {
            throw new Refused(RowError.of("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                    field.label() + ": bad value for restricted picklist field: " + value, field.name()));
        }
        return value;
    }

    private static String multiPicklist(FieldDescribe field, Object value) throws Refused {
        List<String> parts = value instanceof Collection<?> c ? c.stream().map(String::valueOf).toList() : List.of(text(value).split(";"));
        Set<String> selected = new LinkedHashSet<>();
        for (String part : parts) {
            String trimmed = part.trim();
            if (!trimmed.isEmpty()) {
                selected.add(picklist(field, trimmed));
            }
        }
        return checkLength(field, String.join(";", selected));
    }

    private static String email(FieldDescribe field, String value) throws Refused {
        if (!EMAIL.matcher(value).matches()) {
            throw new Refused(RowError.of("INVALID_EMAIL_ADDRESS", field.label() + ": invalid email address: " + value, field.name()));
        }
        return value;
    }

    private static String checkLength(FieldDescribe field, String value) throws Refused {
        if (field.length() > 0 && value.length() > field.length()) {
            String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
            throw new Refused(RowError.of("STRING_TOO_LONG",
                    field.label() + ": data value too large: " + shown + " (max length=" + field.length() + ")", field.name()));
        }
        return value;
    }
}
