package dev.sfsync.engine.validate;

import dev.sfsync.core.model.ColumnType;
import dev.sfsync.salesforce.describe.FieldDescribe;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which model column types a Salesforce field type accepts. Text columns are accepted everywhere: their values are
 * parsed row by row, and a value that does not parse is rejected for that row only.
 */
public final class FieldTypes {
    private static final Set<ColumnType> NUMBERS = EnumSet.of(ColumnType.INTEGER, ColumnType.DECIMAL, ColumnType.DOUBLE, ColumnType.TEXT,
            ColumnType.OTHER);
    private static final Set<ColumnType> DATES = EnumSet.of(ColumnType.DATE, ColumnType.TIMESTAMP, ColumnType.TIMESTAMP_TZ, ColumnType.TEXT,
            ColumnType.OTHER);

    private FieldTypes() {
    }

    public static boolean accepts(FieldDescribe field, ColumnType column) {
        return switch (field.type()) {
            case "boolean" -> column == ColumnType.BOOLEAN || column == ColumnType.INTEGER || column == ColumnType.TEXT;
            case "int", "double", "currency", "percent", "long" -> NUMBERS.contains(column);
            case "date", "datetime" -> DATES.contains(column);
            case "time" -> column == ColumnType.TIME || column == ColumnType.TEXT;
            case "multipicklist" -> column == ColumnType.LIST || column == ColumnType.TEXT;
            default -> column != ColumnType.LIST;
        };
    }

    /** "cast it in the model's SQL" with a cast that fits the field. */
    public static String castFix(FieldDescribe field, String column) {
        String sqlType = switch (field.type()) {
            case "boolean" -> "BOOLEAN";
            case "int", "long" -> "BIGINT";
            case "double", "currency", "percent" -> "DECIMAL(18, " + Math.max(field.scale(), 0) + ")";
            case "date" -> "DATE";
            case "datetime" -> "TIMESTAMPTZ";
            case "time" -> "TIME";
            case "multipicklist" -> "VARCHAR (values separated by ';')";
            default -> "VARCHAR";
        };
        return "cast it in the model's SQL, e.g. CAST(" + column + " AS " + sqlType + ")";
    }

    /** Why a field cannot be written at all, or null when it can be on create or update. */
    public static String whyReadOnly(FieldDescribe field) {
        if (field.calculated()) {
            return "is a formula or roll-up summary field: Salesforce computes its value";
        }
        if (field.autoNumber()) {
            return "is an auto-number field: Salesforce numbers records itself";
        }
        if (!field.createable() && !field.updateable()) {
            return "is a system field set by Salesforce (or read-only for the connected user)";
        }
        return null;
    }
}
