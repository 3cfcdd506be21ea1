package dev.sfsync.source.snapshot;

import dev.sfsync.core.model.Model;
import dev.sfsync.core.model.ModelColumn;
import dev.sfsync.core.model.ModelSchema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a row's hash covers, the mapped columns by target, and what every row is sent besides, the constants by
 * target. Sorted by target so that reordering mappings changes nothing; kept with the snapshot so that a later run
 * can tell which mappings were added, dropped or retargeted, and which constants were added or changed. Constants
 * are not hashed: they are the same for every row, so comparing them here once stands for comparing them per row.
 */
record Fingerprint(SortedMap<String, String> targetToColumn, SortedMap<String, String> targetToConstant) {
    /** First line of the current encoding; the first encoding had no header, and every line of it held a tab. */
    private static final String HEADER = "sfsync fingerprint 2";

    Fingerprint {
        targetToColumn = new TreeMap<>(targetToColumn);
        targetToConstant = new TreeMap<>(targetToConstant);
    }

    /** The options' mappings, with column names as the model spells them; all columns when there are none. */
    static Fingerprint resolve(DetectOptions options, ModelSchema schema, Model model) {
        SortedMap<String, String> resolved = new TreeMap<>();
        if (options.mappedColumns().isEmpty()) {
            schema.columns().forEach(column -> resolved.put(column.name(), column.name()));
        }
        options.mappedColumns().forEach((target, column) -> resolved.put(target, schema.column(column).map(ModelColumn::name)
                .orElseThrow(() -> new MappedColumnMissing(model, target, column, schema.names()))));
        return new Fingerprint(resolved, new TreeMap<>(options.constants()));
    }

    static Fingerprint decode(String encoded) {
        List<String> lines = encoded.lines().filter(line -> !line.isEmpty()).toList();
        SortedMap<String, String> columns = new TreeMap<>();
        SortedMap<String, String> constants = new TreeMap<>();
        if (lines.isEmpty() || !lines.getFirst().equals(HEADER)) {
            // The first encoding: "target<TAB>column" per line, columns only.
            lines.forEach(line -> columns.put(line.substring(0, line.indexOf('\t')), line.substring(line.indexOf('\t') + 1)));
            return new Fingerprint(columns, constants);
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split("\t", -1);
            if (fields.length != 3 || !(fields[0].equals("column") || fields[0].equals("constant"))) {
                throw new IllegalStateException("the snapshot's fingerprint has a line this version cannot read: " + line);
            }
            (fields[0].equals("column") ? columns : constants).put(unescape(fields[1]), unescape(fields[2]));
        }
        return new Fingerprint(columns, constants);
    }

    /** One line per mapping, {@code column|constant TAB target TAB column-or-value}, with tabs and line breaks escaped. */
    String encode() {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        targetToColumn.forEach((target, column) -> lines.add("column\t" + escape(target) + "\t" + escape(column)));
        targetToConstant.forEach((target, value) -> lines.add("constant\t" + escape(target) + "\t" + escape(value)));
        return String.join("\n", lines);
    }

    /** This fingerprint with its columns found in {@code schema}, or empty if one of them is gone. */
    Optional<Fingerprint> within(ModelSchema schema) {
        Map<String, String> found = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : targetToColumn.entrySet()) {
            Optional<ModelColumn> column = schema.column(entry.getValue());
            if (column.isEmpty()) {
                return Optional.empty();
            }
            found.put(entry.getKey(), column.get().name());
        }
        return Optional.of(new Fingerprint(new TreeMap<>(found), targetToConstant));
    }

    /** True if every mapping of {@code other} is one of this fingerprint's: rows equal under this are equal under it. */
    boolean covers(Fingerprint other) {
        return gainedIn(other).isEmpty();
    }

    /** Targets in {@code other} that this fingerprint lacks, maps from another column, or sets to another constant. */
    List<String> gainedIn(Fingerprint other) {
        List<String> gained = new ArrayList<>();
        other.targetToColumn.forEach((target, column) -> {
            if (!column.equalsIgnoreCase(targetToColumn.getOrDefault(target, ""))) {
                gained.add(target);
            }
        });
        other.targetToConstant.forEach((target, value) -> {
            if (!value.equals(targetToConstant.get(target))) {
                gained.add(target);
            }
        });
        return gained;
    }

    /** DuckDB's 64-bit hash of the mapped columns of the row aliased {@code alias}. */
    String hashSql(String alias) {
        if (targetToColumn.isEmpty()) {
            return "0::UBIGINT";
        }
        return "hash(" + targetToColumn.values().stream().map(c -> alias + "." + Sql.ident(c)).collect(Collectors.joining(", ")) + ")";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
