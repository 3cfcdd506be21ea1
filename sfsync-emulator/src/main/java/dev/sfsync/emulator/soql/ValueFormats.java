package dev.sfsync.emulator.soql;

import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.FieldType;
import dev.sfsync.emulator.org.PicklistValue;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * toLabel() and FORMAT(): values turned into what a user sees. The emulator's users are en_US, single currency (USD),
 * and in UTC, the emulator's only time zone.
 */
final class ValueFormats {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.US);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("M/d/yyyy, h:mm a", Locale.US).withZone(ZoneOffset.UTC);

    private ValueFormats() {
    }

    static Object apply(String wrapper, FieldSchema field, Object value) {
        if (wrapper == null || value == null) {
            return value;
        }
        return wrapper.equals("TOLABEL") ? label(field, value.toString()) : format(field, value);
    }

    private static String label(FieldSchema field, String value) {
        List<String> labels = new ArrayList<>();
        for (String selected : field.type() == FieldType.MULTIPICKLIST ? value.split(";") : new String[] {value}) {
            labels.add(field.picklistValues().stream().filter(v -> v.value().equals(selected)).map(PicklistValue::label)
                    .findFirst().orElse(selected));
        }
        return String.join(";", labels);
    }

    private static Object format(FieldSchema field, Object value) {
        return switch (value) {
            case BigDecimal number when field.type() == FieldType.CURRENCY -> "$" + decimal("#,##0.00").format(number);
            case BigDecimal number when field.type() == FieldType.PERCENT -> decimal("#,##0.##").format(number) + "%";
            case BigDecimal number -> decimal(field.scale() > 0 ? "#,##0." + "0".repeat(field.scale()) : "#,##0").format(number);
            case LocalDate date -> DATE.format(date);
            case Instant instant -> DATE_TIME.format(instant);
            default -> value;
        };
    }

    private static DecimalFormat decimal(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.US));
    }
}
