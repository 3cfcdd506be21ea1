package dev.sfsync.engine.plan;

import dev.sfsync.core.model.ColumnType;
import dev.sfsync.core.model.ModelColumn;
import dev.sfsync.engine.sync.DeleteBehaviour;
import dev.sfsync.engine.sync.FieldMapping;
import dev.sfsync.engine.sync.Lookup;
import dev.sfsync.engine.sync.Match;
import dev.sfsync.engine.sync.RecordTypeChoice;
import dev.sfsync.engine.sync.SyncMode;
import dev.sfsync.salesforce.bulk.CsvValues;
import dev.sfsync.salesforce.describe.FieldDescribe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@link RowPlanner}'s decision for a whole change set at once, as SQL over its changes table: each Bulk column's
 * cell as the planner would send it (renamed, formatted as {@link WireValues} formats, constants, skip_nulls), and a
 * condition that holds only for rows the planner would write with exactly those cells. Rows the condition leaves out
 * (values the planner may refuse or convert in ways SQL does not mirror exactly) still go through the planner, so
 * every refusal keeps its code and message; the condition may leave out more rows than needed, never fewer.
 * <p>
 * Only syncs whose every step is plain formatting or a lookup already resolved into a table are written this way:
 * upsert on an external ID, insert with an idempotency key, update and archive (by the record's Id: the snapshot's,
 * the model's Id column, or the one a table found for the match value), without merges, create-only or only-if-empty
 * fields ({@link #of} is empty for the others); and the deletes or clears of rows that left the model, by the Id the
 * snapshot kept ({@link #removals}). A lookup's cell is the Id its table (value, id) holds for the row's value; a row
 * whose value the table does not resolve is left to the planner, whose refusal it keeps. Rows written by Id are
 * joined to their results by it (Bulk API 2.0 results carry the uploaded columns, Id among them).
 */
public final class SqlRecords {
    private static final Set<String> TEXT_TYPES = Set.of("string", "textarea", "phone", "url", "picklist", "combobox", "email",
            "encryptedstring", "reference");
    private static final String EMAIL = "'[^@ \\t\\n\\x0B\\f\\r]+@[^@ \\t\\n\\x0B\\f\\r]+\\.[^@ \\t\\n\\x0B\\f\\r]+'";

    private final WriteKind kind;
    private final List<String> columns;
    private final List<String> cells;
    private final String clean;

    private SqlRecords(WriteKind kind, List<String> columns, List<String> cells, String clean) {
        this.kind = kind;
        this.columns = List.copyOf(columns);
        this.cells = List.copyOf(cells);
        this.clean = clean;
    }

    /** The sync's records as SQL over a changes table aliased {@code alias}, when every step of its planning has one. */
    public static Optional<SqlRecords> of(PreparedSync sync, String alias) {
        return of(sync, alias, Map.of());
    }

    /**
     * As {@link #of(PreparedSync, String)}, with each lookup's resolved values in a table: reference field (as the
     * describe names it) to a table of columns {@code v} (the row's value as text) and {@code id} (null: not found).
     * Empty when a lookup has no table.
     */
    public static Optional<SqlRecords> of(PreparedSync sync, String alias, Map<String, String> lookupTables) {
        var definition = sync.definition();
        WriteKind kind = switch (definition.mode()) {
            case UPSERT -> WriteKind.UPSERT;
            case UPDATE -> WriteKind.UPDATE;
            case ARCHIVE -> WriteKind.DELETE;
            case INSERT -> definition.hasIdempotencyKey() ? WriteKind.CREATE : null;
            case ALL -> null;
        };
        if (kind == null || sync.merge() != null || definition.options().orLead().isPresent()
                || !sync.createOnlyFields().isEmpty() || definition.mappings().stream().anyMatch(FieldMapping::onlyIfEmpty)) {
            return Optional.empty();
        }
        if (kind == WriteKind.CREATE && !createsCleanly(sync)) {
            return Optional.empty();
        }
        Match match = definition.match().orElse(null);
        if (match == null || (match.bySalesforceId() && !kind.needsRecordId())) {
            return Optional.empty();
        }
        FieldDescribe matchField = match.bySalesforceId() ? null : sync.field(match.field());
        Optional<ModelColumn> matchColumn = sync.schema().column(match.column());
        if (matchColumn.isEmpty() || (matchField != null && !TEXT_TYPES.contains(matchField.type()))
                || definition.mappings().stream().anyMatch(m -> sync.field(m.field()).name().equals(match.bySalesforceId() ? "Id" : matchField.name()))) {
            return Optional.empty();
        }
        List<String> columns = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        List<String> clean = new ArrayList<>();
        if (kind.needsRecordId()) {
            // Addressed by Id: the column's own Id, or the record the snapshot knows, else the one found by the match value.
            Optional<Cell> id = match.bySalesforceId() ? Cell.salesforceId(matchColumn.get(), alias)
                    : Cell.text(matchField, matchColumn.get(), alias).filter(k -> lookupTables.containsKey(MATCH)).map(k -> Cell.recordId(k, alias,
                    lookupTables.get(MATCH), kind == WriteKind.UPDATE));
            if (id.isEmpty()) {
                return Optional.empty();
            }
            columns.add("Id");
            cells.add(id.get().value);
            clean.add(id.get().clean);
            if (kind == WriteKind.DELETE) {
                // An archive sync deletes the record and sends nothing else.
                return Optional.of(new SqlRecords(kind, columns, cells, String.join(" AND ", clean)));
            }
        } else {
            Optional<Cell> key = Cell.text(matchField, matchColumn.get(), alias);
            if (key.isEmpty()) {
                return Optional.empty();
            }
            columns.add(matchField.name());
            cells.add(key.get().value);
            // A match value must not be blank (a visible character is enough to know), and no other row may share it.
            clean.add(key.get().keyClean());
        }
        for (FieldMapping mapping : definition.mappings()) {
            FieldDescribe field = sync.field(mapping.field());
            Optional<Cell> cell = switch (mapping.source()) {
                case FieldMapping.Constant constant -> Cell.constant(field, constant.value(), mapping.skipNulls());
                case FieldMapping.Column column -> sync.schema().column(column.name())
                        .flatMap(c -> Cell.of(field, c, alias, mapping.skipNulls()));
            };
            if (cell.isEmpty() || columns.contains(field.name())) {
                return Optional.empty();
            }
            columns.add(field.name());
            cells.add(cell.get().value);
            clean.add(cell.get().clean);
        }
        for (Lookup lookup : definition.lookups()) {
            FieldDescribe field = sync.field(lookup.field());
            String lookupTable = lookupTables.get(field.name());
            Optional<Cell> cell = sync.schema().column(lookup.column()).flatMap(c -> lookupTable == null ? Optional.empty()
                    : Cell.lookup(field, c, alias, lookupTable));
            if (cell.isEmpty() || columns.contains(field.name())) {
                return Optional.empty();
            }
            columns.add(field.name());
            cells.add(cell.get().value);
            clean.add(cell.get().clean);
        }
        if (definition.options().recordType().isPresent()) {
            Optional<Cell> cell = Cell.recordType(definition.options().recordType().get(), sync, alias, kind);
            if (cell.isEmpty() || columns.stream().anyMatch(c -> c.equalsIgnoreCase("RecordTypeId"))) {
                return Optional.empty();
            }
            columns.add("RecordTypeId");
            cells.add(cell.get().value);
            clean.add(cell.get().clean);
        }
        return Optional.of(new SqlRecords(kind, columns, cells, String.join(" AND ", clean)));
    }

    /**
     * The writes for rows that left the model, as the planner decides them for the sync's delete behaviour: a delete
     * (only the Id) or an update emptying every mapped field it may (#N/A), for rows whose record the snapshot knows.
     * Rows without one (found by their key, when the key is the match) are the planner's. Empty when nothing is written
     * for removed rows, or the sync is one the set path does not take.
     */
    public static Optional<SqlRecords> removals(PreparedSync sync, String alias) {
        var definition = sync.definition();
        if (definition.onDelete() == DeleteBehaviour.NOTHING || sync.merge() != null || definition.options().orLead().isPresent()
                || definition.mode() == SyncMode.ALL) {
            return Optional.empty();
        }
        List<String> columns = new ArrayList<>(List.of("Id"));
        List<String> cells = new ArrayList<>(List.of(alias + "._sfsync_record_id"));
        WriteKind kind = definition.onDelete() == DeleteBehaviour.DELETE ? WriteKind.DELETE : WriteKind.CLEAR;
        if (kind == WriteKind.CLEAR) {
            for (String name : sync.mappedFields()) {
                FieldDescribe field = sync.field(name);
                if (field.updateable() && field.nillable() && !"boolean".equals(field.type()) && !columns.contains(field.name())) {
                    columns.add(field.name());
                    cells.add(Cell.literal(CsvValues.NULL));
                }
            }
        }
        return Optional.of(new SqlRecords(kind, columns, cells, alias + "._sfsync_record_id IS NOT NULL"));
    }

    /**
     * The name under which {@link #of}'s {@code lookupTables} hold the table of record Ids found by the match value
     * ({@code v}: the value, {@code id}: its record or null), for syncs that address records by Id and match them by an
     * external ID ({@link #findsRecordIds}).
     */
    public static final String MATCH = "Id";

    /** Whether the sync writes by record Id and finds rows the snapshot knows no record of by their match value. */
    public static boolean findsRecordIds(PreparedSync sync) {
        var definition = sync.definition();
        return (definition.mode() == SyncMode.UPDATE || definition.mode() == SyncMode.ARCHIVE)
                && definition.match().map(m -> !m.bySalesforceId()).orElse(false);
    }

    /** The match column as text, as the planner takes the match value, when the set path can search it. */
    public static Optional<String> matchValue(PreparedSync sync, String alias) {
        return sync.definition().match().flatMap(m -> sync.schema().column(m.column()))
                .filter(c -> c.type() == ColumnType.TEXT || c.type() == ColumnType.INTEGER).map(c -> "CAST(" + Cell.ref(alias, c) + " AS VARCHAR)");
    }

    /**
     * An insert's rows pass the planner's required-on-create check alike: every such field is set by a mapping or a
     * lookup that never leaves it out (skip_nulls may), and the profile has a default record type to create with.
     */
    private static boolean createsCleanly(PreparedSync sync) {
        if (!sync.recordTypes().hasDefault() && sync.definition().options().recordType().isEmpty()) {
            return false;
        }
        var definition = sync.definition();
        Set<String> always = new java.util.HashSet<>();
        definition.mappings().stream().filter(m -> !m.skipNulls()).forEach(m -> always.add(sync.field(m.field()).name()));
        definition.lookups().forEach(l -> always.add(sync.field(l.field()).name()));
        return sync.object().fields().stream().filter(FieldDescribe::requiredOnCreate).allMatch(f -> always.contains(f.name()));
    }

    /** Each lookup's column as text, as the planner searches it: the values {@link #lookupValues} lists. */
    public static Optional<String> lookupValue(PreparedSync sync, Lookup lookup, String alias) {
        return sync.schema().column(lookup.column()).filter(c -> c.type() == ColumnType.TEXT || c.type() == ColumnType.INTEGER)
                .map(c -> "CAST(" + Cell.ref(alias, c) + " AS VARCHAR)");
    }

    public WriteKind kind() {
        return kind;
    }

    /** The Bulk columns (field names), in the order of {@link #cells}. */
    public List<String> columns() {
        return columns;
    }

    /** Each column's cell as a VARCHAR expression; NULL is an empty cell (the field is left as it is). */
    public List<String> cells() {
        return cells;
    }

    /**
     * True only for rows the planner would write as an upsert with exactly these cells; a condition on the change's
     * kind and on rows sharing a match value is the caller's (see {@link #shareNothing}).
     */
    public String clean() {
        return clean;
    }

    /** The rows whose match value no other row of the model holds, from the changes table's shared-value counts. */
    public static String shareNothing(String alias, int uniqueColumns) {
        return java.util.stream.IntStream.range(0, uniqueColumns).mapToObj(i -> alias + "._sfsync_ui" + i + " IS NULL")
                .collect(Collectors.collectingAndThen(Collectors.joining(" AND "), s -> s.isEmpty() ? "TRUE" : s));
    }

    /** One cell: its value and when the planner is sure to send exactly that. */
    private record Cell(String value, String clean) {
        /** As a match value: not blank (a visible character is enough to know), and clean. */
        String keyClean() {
            return "(" + value + " IS NOT NULL AND regexp_matches(" + value + ", '[!-~]') AND " + clean + ")";
        }

        /**
         * A record's Id from a column of Ids (match by Id): sent as the row holds it, as the planner does; a value SQL
         * may see otherwise than Java's blank check (no visible character) is the planner's.
         */
        static Optional<Cell> salesforceId(ModelColumn column, String alias) {
            if (column.type() != ColumnType.TEXT) {
                return Optional.empty();
            }
            String v = ref(alias, column);
            return Optional.of(new Cell(v, "(" + v + " IS NOT NULL AND regexp_matches(" + v + ", '[!-~]'))"));
        }

        /**
         * The Id of the record matched by {@code key}: the one the snapshot kept, else the one {@code found} (v, id)
         * holds. An update's match value must pass the planner's conversion too (an archive's is not converted); a row
         * with no record found is the planner's (RECORD_NOT_FOUND, or nothing to archive).
         */
        static Cell recordId(Cell key, String alias, String found, boolean converted) {
            String id = "coalesce(" + alias + "._sfsync_record_id, (SELECT m.id FROM " + found + " m WHERE m.v = " + key.value + "))";
            String keyClean = converted ? key.keyClean() : "(" + key.value + " IS NOT NULL AND regexp_matches(" + key.value + ", '[!-~]'))";
            return new Cell(id, keyClean + " AND " + id + " IS NOT NULL");
        }

        static Optional<Cell> constant(FieldDescribe field, Object value, boolean skipNulls) {
            if (skipNulls && (value == null || value.toString().isEmpty())) {
                return Optional.of(new Cell("NULL", "TRUE"));
            }
            try {
                return Optional.of(new Cell(literal(CsvValues.text(WireValues.convert(field, value))), "TRUE"));
            } catch (WireValues.Refused refused) {
                return Optional.empty();  // every row would be refused: the planner says so, row by row
            }
        }

        /** A text field's value from a text or integer column (other types print differently in Java and SQL). */
        static Optional<Cell> text(FieldDescribe field, ModelColumn column, String alias) {
            if (column.type() != ColumnType.TEXT && column.type() != ColumnType.INTEGER) {
                return Optional.empty();
            }
            String t = "CAST(" + ref(alias, column) + " AS VARCHAR)";
            List<String> checks = new ArrayList<>();
            if (field.length() > 0) {
                // Bytes are never fewer than Java's UTF-16 units, so a value this short is short enough.
                checks.add("strlen(" + t + ") <= " + field.length());
            }
            if ("picklist".equals(field.type()) && field.restrictedPicklist()) {
                checks.add(field.activePicklistValues().isEmpty() ? "FALSE"
                        : t + " IN (" + field.activePicklistValues().stream().map(Cell::literal).collect(Collectors.joining(", ")) + ")");
            }
            if ("email".equals(field.type())) {
                checks.add("regexp_full_match(" + t + ", " + EMAIL + ")");
            }
            return Optional.of(new Cell(t, checks.isEmpty() ? "TRUE" : String.join(" AND ", checks)));
        }

        /**
         * A reference field's Id from its lookup table: a null value is a cleared field (refused by the planner when the
         * field is required); a value with a visible character is searched; one the planner may see as blank (only
         * spaces or other characters SQL cannot tell from blanks) is left to it, as is a value the table did not resolve.
         */
        static Optional<Cell> lookup(FieldDescribe field, ModelColumn column, String alias, String lookupTable) {
            if (column.type() != ColumnType.TEXT && column.type() != ColumnType.INTEGER) {
                return Optional.empty();
            }
            String v = "CAST(" + ref(alias, column) + " AS VARCHAR)";
            String id = "(SELECT l.id FROM " + lookupTable + " l WHERE l.v = " + v + ")";
            String nullCell = field.nillable() ? literal(CsvValues.NULL) : null;
            String isNull = column.type() == ColumnType.TEXT ? "(" + v + " IS NULL OR " + v + " = '')" : v + " IS NULL";
            return Optional.of(new Cell("CASE WHEN " + isNull + " THEN " + (nullCell == null ? "NULL" : nullCell) + " ELSE " + id + " END",
                    "CASE WHEN " + isNull + " THEN " + (nullCell == null ? "FALSE" : "TRUE") + " ELSE regexp_matches(" + v + ", '[!-~]') AND "
                            + id + " IS NOT NULL END"));
        }

        /**
         * RecordTypeId from the sync's record type: a name's Id (a name the run cannot use refuses every row: left to
         * the planner), or per row from a column whose value is exactly a usable developer name in any case (others,
         * spaced ones included, go to the planner); a row without one is clean unless it is created without a default.
         */
        static Optional<Cell> recordType(RecordTypeChoice choice, PreparedSync sync, String alias, WriteKind kind) {
            RecordTypeIds types = sync.recordTypes();
            return switch (choice) {
                case RecordTypeChoice.Named named -> types.id(named.developerName()).map(id -> new Cell(literal(id), "TRUE"));
                case RecordTypeChoice.FromColumn from -> sync.schema().column(from.column()).filter(c -> c.type() == ColumnType.TEXT).map(c -> {
                    String v = ref(alias, c);
                    String when = types.usable().entrySet().stream().map(e -> " WHEN " + literal(e.getKey()) + " THEN " + literal(e.getValue()))
                            .collect(Collectors.joining());
                    String id = when.isEmpty() ? "NULL" : "CASE lower(" + v + ")" + when + " END";
                    boolean noneIsClean = kind != WriteKind.CREATE || types.hasDefault();
                    return new Cell(id, "CASE WHEN " + v + " IS NULL OR " + v + " = '' THEN " + noneIsClean
                            + " ELSE regexp_full_match(" + v + ", '[A-Za-z0-9_]+') AND " + id + " IS NOT NULL END");
                });
            };
        }

        static Optional<Cell> of(FieldDescribe field, ModelColumn column, String alias, boolean skipNulls) {
            String v = ref(alias, column);
            Optional<Cell> present = switch (field.type()) {
                case "boolean" -> bool(column, v);
                case "int", "long" -> number(field, column, v, 0);
                case "double", "currency", "percent" -> field.scale() < 0 || field.scale() > 18 ? Optional.empty() : number(field, column, v, field.scale());
                case "date" -> date(column, v);
                case "datetime" -> dateTime(column, v);
                case "multipicklist" -> multiSelect(field, column, v);
                default -> TEXT_TYPES.contains(field.type()) ? text(field, column, alias) : Optional.empty();
            };
            if (present.isEmpty()) {
                return present;
            }
            String isNull = column.type() == ColumnType.TEXT ? "(" + v + " IS NULL OR " + v + " = '')" : v + " IS NULL";
            String nullCell;
            if (skipNulls) {
                nullCell = "NULL";
            } else if ("boolean".equals(field.type()) || !field.nillable()) {
                nullCell = null;   // refused by the planner, with its message
            } else {
                nullCell = literal(CsvValues.NULL);
            }
            String value = "CASE WHEN " + isNull + " THEN " + (nullCell == null ? "NULL" : nullCell) + " ELSE " + present.get().value + " END";
            String clean = "CASE WHEN " + isNull + " THEN " + (nullCell == null ? "FALSE" : "TRUE") + " ELSE coalesce(" + present.get().clean + ", FALSE) END";
            return Optional.of(new Cell(value, clean));
        }

        /**
         * A multi-select text already as the planner writes it (values split at ';', trimmed, empty and repeated ones
         * dropped): sent as it is. Any other spelling, a value a restricted list lacks, or too long a text goes to the
         * planner.
         */
        private static Optional<Cell> multiSelect(FieldDescribe field, ModelColumn column, String v) {
            if (column.type() != ColumnType.TEXT) {
                return Optional.empty();
            }
            String parts = "string_split(" + v + ", ';')";
            List<String> checks = new ArrayList<>();
            checks.add("NOT regexp_matches(" + v + ", '(^|;)[\\x00- ]|[\\x00- ](;|$)|;;|^;|;$')");
            checks.add("len(" + parts + ") = len(list_distinct(" + parts + "))");
            if (field.length() > 0) {
                checks.add("strlen(" + v + ") <= " + field.length());
            }
            if (field.restrictedPicklist()) {
                checks.add(field.activePicklistValues().isEmpty() ? "FALSE" : "len(list_filter(" + parts + ", x -> x NOT IN ("
                        + field.activePicklistValues().stream().map(Cell::literal).collect(Collectors.joining(", ")) + "))) = 0");
            }
            return Optional.of(new Cell(v, String.join(" AND ", checks)));
        }

        private static Optional<Cell> bool(ModelColumn column, String v) {
            return switch (column.type()) {
                case BOOLEAN -> Optional.of(new Cell("CASE WHEN " + v + " THEN 'true' ELSE 'false' END", "TRUE"));
                case TEXT -> Optional.of(new Cell("CASE WHEN lower(" + v + ") IN ('true', '1', 'yes') THEN 'true' ELSE 'false' END",
                        "lower(" + v + ") IN ('true', '1', 'yes', 'false', '0', 'no')"));
                case INTEGER -> Optional.of(new Cell("CASE WHEN " + v + " = 1 THEN 'true' ELSE 'false' END", v + " IN (0, 1)"));
                default -> Optional.empty();
            };
        }

        /** A number rounded half up to {@code scale} places, refused beyond the field's integer digits. */
        private static Optional<Cell> number(FieldDescribe field, ModelColumn column, String v, int scale) {
            String decimal = "DECIMAL(38, " + scale + ")";
            String exact;   // the value as a decimal of the field's scale, or NULL when SQL might round it otherwise than Java
            switch (column.type()) {
                case INTEGER -> exact = "CAST(" + v + " AS " + decimal + ")";
                case DECIMAL -> exact = "TRY_CAST(" + v + " AS " + decimal + ")";
                case DOUBLE, TEXT -> {
                    // Java reads a double through its shortest text; a text or double with no more places than the
                    // field keeps needs no rounding, so only those are written here.
                    String text = "CAST(" + v + " AS VARCHAR)";
                    String plain = scale == 0 ? "'-?[0-9]{1,18}'" : "'-?[0-9]{1,18}(\\.[0-9]{1," + scale + "})?'";
                    if (column.type() == ColumnType.DOUBLE && scale == 0) {
                        return Optional.empty();   // Java prints 5.0 where SQL prints 5: left to the planner
                    }
                    exact = "CASE WHEN regexp_full_match(" + text + ", " + plain + ") THEN TRY_CAST(" + text + " AS " + decimal + ") END";
                }
                default -> {
                    return Optional.empty();
                }
            }
            if (scale == 0 && column.type() == ColumnType.DECIMAL) {
                exact = "CASE WHEN " + v + " = trunc(" + v + ") THEN " + exact + " END";
            }
            String inRange = field.precision() > 0 && field.precision() - scale < 38 - scale
                    ? "abs(" + exact + ") < CAST('1" + "0".repeat(Math.max(field.precision() - scale, 0)) + "' AS " + decimal + ")"
                    : exact + " IS NOT NULL";
            if (field.precision() > 0 && field.precision() - scale <= 0) {
                inRange = "FALSE";
            }
            return Optional.of(new Cell("CAST(" + exact + " AS VARCHAR)", exact + " IS NOT NULL AND " + inRange));
        }

        private static Optional<Cell> date(ModelColumn column, String v) {
            return switch (column.type()) {
                case DATE, TIMESTAMP -> Optional.of(new Cell("strftime(CAST(" + v + " AS DATE), '%Y-%m-%d')",
                        "isfinite(" + v + ") AND year(" + v + ") BETWEEN 1 AND 9999"));
                case TEXT -> Optional.of(new Cell("left(" + v + ", 10)", "regexp_full_match(" + v + ", '[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9:.]*)?')"
                        + " AND TRY_CAST(left(" + v + ", 10) AS DATE) IS NOT NULL AND left(" + v + ", 4) <> '0000'"));
                default -> Optional.empty();
            };
        }

        /** As {@code Instant.toString()}: seconds always, then 3 or 6 places when there is a fraction, and Z. */
        private static Optional<Cell> dateTime(ModelColumn column, String v) {
            String utc = switch (column.type()) {
                case TIMESTAMP -> v;
                case TIMESTAMP_TZ -> "timezone('UTC', " + v + ")";
                case DATE -> "CAST(" + v + " AS TIMESTAMP)";
                default -> null;
            };
            if (utc == null) {
                return Optional.empty();
            }
            String micros = "(microsecond(" + utc + ") % 1000000)";
            String text = "strftime(" + utc + ", '%Y-%m-%dT%H:%M:%S') || CASE WHEN " + micros + " = 0 THEN ''"
                    + " WHEN " + micros + " % 1000 = 0 THEN '.' || lpad(CAST(" + micros + " // 1000 AS VARCHAR), 3, '0')"
                    + " ELSE '.' || lpad(CAST(" + micros + " AS VARCHAR), 6, '0') END || 'Z'";
            return Optional.of(new Cell(text, "isfinite(" + utc + ") AND year(" + utc + ") BETWEEN 1 AND 9999"));
        }

        static String ref(String alias, ModelColumn column) {
            return alias + ".\"" + column.name().replace("\"", "\"\"") + "\"";
        }

        static String literal(String text) {
            return "'" + text.replace("'", "''") + "'";
        }
    }

    @Override
    public String toString() {
        return "SqlRecords" + columns + " (" + kind.name().toLowerCase(Locale.ROOT) + ")";
    }
}
