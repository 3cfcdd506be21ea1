package dev.sfsync.emulator.soql;

import dev.sfsync.emulator.soql.SoqlQuery.Operator;

/**
 * The right side of a comparison in the field's own value type: a single value, or for date literals such as
 * TODAY a range [low, highExclusive) that = matches inside and &lt; / &gt; compare against its ends.
 */
record Bound(Object low, Object highExclusive, boolean point) {
    static Bound of(Object value) {
        return new Bound(value, null, true);
    }

    static Bound range(Object low, Object highExclusive) {
        return new Bound(low, highExclusive, false);
    }

    boolean matches(ValueKind kind, Object value, Operator operator) {
        return switch (operator) {
            case EQ -> equalTo(kind, value);
            case NE -> !equalTo(kind, value);
            case LT -> kind.compare(value, low) < 0;
            case LE -> point ? kind.compare(value, low) <= 0 : kind.compare(value, highExclusive) < 0;
            case GT -> point ? kind.compare(value, low) > 0 : kind.compare(value, highExclusive) >= 0;
            case GE -> kind.compare(value, low) >= 0;
            default -> throw new IllegalArgumentException("not a comparison: " + operator);
        };
    }

    boolean equalTo(ValueKind kind, Object value) {
        if (point) {
            return kind.compare(value, low) == 0;
        }
        return kind.compare(value, low) >= 0 && kind.compare(value, highExclusive) < 0;
    }
}
