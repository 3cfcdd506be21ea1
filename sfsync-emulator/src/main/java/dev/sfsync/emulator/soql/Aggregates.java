package dev.sfsync.emulator.soql;

import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.StoredRecord;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * SOQL's aggregate functions over a group of records. Nulls are ignored, as in SQL: COUNT(field) counts the records
 * where the field has a value, and SUM, AVG, MIN and MAX of a group without values are null.
 */
final class Aggregates {
    private Aggregates() {
    }

    /** Long for COUNT and COUNT_DISTINCT, BigDecimal for SUM and AVG, the field's own type for MIN and MAX. */
    static Object compute(String function, ResolvedField field, List<StoredRecord> group, Org org) {
        if (field == null) {
            return (long) group.size();
        }
        ValueKind kind = ValueKind.of(field.field());
        long count = 0;
        BigDecimal sum = BigDecimal.ZERO;
        Object best = null;
        Set<Object> distinct = new HashSet<>();
        for (StoredRecord record : group) {
            Object value = field.value(record, org);
            if (value == null) {
                continue;
            }
            count++;
            switch (function) {
                case "SUM", "AVG" -> sum = sum.add((BigDecimal) value);
                case "MIN" -> best = best == null || kind.compare(value, best) < 0 ? value : best;
                case "MAX" -> best = best == null || kind.compare(value, best) > 0 ? value : best;
                case "COUNT_DISTINCT" -> distinct.add(value instanceof String text ? text.toLowerCase(Locale.ROOT) : value);
                default -> {
                }
            }
        }
        return switch (function) {
            case "COUNT" -> count;
            case "COUNT_DISTINCT" -> (long) distinct.size();
            case "SUM" -> count == 0 ? null : sum;
            case "AVG" -> count == 0 ? null : sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL64);
            default -> best;
        };
    }
}
