package dev.sfsync.source.snapshot;

import dev.sfsync.core.model.Model;
import dev.sfsync.core.model.ModelColumn;
import dev.sfsync.core.model.ModelSchema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a row's hash covers: the mapped columns, by target. Sorted by target so that reordering mappings changes
 * nothing; kept with the snapshot so that a later run can tell which mappings were added, dropped or retargeted.
 */
record Fingerprint(SortedMap<String, String> targetToColumn) {
    Fingerprint {
        targetToColumn = new TreeMap<>(targetToColumn);
    }

    /** The options' mappings, with column names as the model spells them; all columns when there are none. */
    static Fingerprint resolve(Map<String, String> mapped, ModelSchema schema, Model model) {
        SortedMap<String, String> resolved = new TreeMap<>();
        if (mapped.isEmpty()) {
            schema.columns().forEach(column -> resolved.put(column.name(), column.name()));
        }
        mapped.forEach((target, column) -> resolved.put(target, schema.column(column).map(ModelColumn::name)
                .orElseThrow(() -> new MappedColumnMissing(model, target, column, schema.names()))));
        return new Fingerprint(resolved);
    }

    static Fingerprint decode(String encoded) {
        SortedMap<String, String> map = new TreeMap<>();
        encoded.lines().filter(line -> !line.isEmpty()).forEach(line -> {
            int tab = line.indexOf('\t');
            map.put(line.substring(0, tab), line.substring(tab + 1));
        });
        return new Fingerprint(map);
    }

    String encode() {
        return targetToColumn.entrySet().stream().map(e -> e.getKey() + "\t" + e.getValue()).collect(Collectors.joining("\n"));
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
        return Optional.of(new Fingerprint(new TreeMap<>(found)));
    }

    /** True if every mapping of {@code other} is one of this fingerprint's: rows equal under this are equal under it. */
    boolean covers(Fingerprint other) {
        return other.targetToColumn.entrySet().stream()
                .allMatch(e -> e.getValue().equalsIgnoreCase(targetToColumn.getOrDefault(e.getKey(), "")));
    }

    /** Targets in {@code other} that this fingerprint lacks or maps from another column. */
    List<String> gainedIn(Fingerprint other) {
        return other.targetToColumn.entrySet().stream()
                .filter(e -> !e.getValue().equalsIgnoreCase(targetToColumn.getOrDefault(e.getKey(), "")))
                .map(Map.Entry::getKey).toList();
    }

    /** DuckDB's 64-bit hash of the mapped columns of the row aliased {@code alias}. */
    String hashSql(String alias) {
        if (targetToColumn.isEmpty()) {
            return "0::UBIGINT";
        }
        return "hash(" + targetToColumn.values().stream().map(c -> alias + "." + Sql.ident(c)).collect(Collectors.joining(", ")) + ")";
    }
}
