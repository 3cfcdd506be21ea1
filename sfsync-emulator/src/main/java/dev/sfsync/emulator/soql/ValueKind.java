package dev.sfsync.emulator.soql;

import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.FieldType;

import java.util.Comparator;

/** How SOQL compares the values of a field type; text compares ignoring case, as Salesforce does. */
enum ValueKind {
    TEXT("string", true),
    MULTIPICKLIST("string", true),
    ID("id", true),
    BOOLEAN("boolean", false),
    NUMBER("double", false),
    DATE("date", false),
    DATETIME("dateTime", false);

    private final String literalType;
    private final boolean quoted;

    ValueKind(String literalType, boolean quoted) {
        this.literalType = literalType;
        this.quoted = quoted;
    }

    static ValueKind of(FieldSchema field) {
        return switch (field.type()) {
            case ID, REFERENCE -> ID;
            case MULTIPICKLIST -> MULTIPICKLIST;
            case BOOLEAN -> BOOLEAN;
            case INT, DOUBLE, CURRENCY, PERCENT -> NUMBER;
            case DATE -> DATE;
            case DATETIME -> DATETIME;
            default -> TEXT;
        };
    }

    /** The type name in "must be of type X" messages. */
    String literalType(FieldSchema field) {
        return field.type() == FieldType.INT ? "integer" : literalType;
    }

    boolean quoted() {
        return quoted;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    int compare(Object a, Object b) {
        return switch (this) {
            case TEXT, MULTIPICKLIST -> String.CASE_INSENSITIVE_ORDER.compare(a.toString(), b.toString());
            case ID -> a.toString().compareTo(b.toString());
            default -> ((Comparable) a).compareTo(b);
        };
    }

    Comparator<Object> comparator() {
        return this::compare;
    }
}
