package dev.sfsync.source.snapshot;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a change detection compares and how.
 *
 * @param mappedColumns what the sync sends: target (e.g. the Salesforce field) to model column. A row is changed
 *                      when any of these columns changed. When the mappings change, only what must be resent is:
 *                      dropping a mapping resends nothing, adding or retargeting one resends every synced row once.
 *                      Empty: all of the model's columns, each as its own target.
 * @param constants     what the sync sends to every row regardless of its values: target to a text that changes
 *                      whenever the value sent does (e.g. type and value). Adding or changing one resends every synced
 *                      row once; dropping one resends nothing.
 * @param uniqueColumns columns whose values must be unique across the model (e.g. the column matched to an external
 *                      ID): each added or changed row whose value other rows of the whole model share carries the
 *                      counts in {@link dev.sfsync.core.change.Change#sharedValues()}
 * @param fullResync    send every row as if it had changed, whatever the snapshot says (the snapshot itself is
 *                      left as it is until outcomes are committed)
 */
public record DetectOptions(Map<String, String> mappedColumns, Map<String, String> constants, Set<String> uniqueColumns, boolean fullResync) {
    public DetectOptions {
        mappedColumns = Map.copyOf(new TreeMap<>(Objects.requireNonNull(mappedColumns, "mappedColumns is null")));
        constants = Map.copyOf(new TreeMap<>(Objects.requireNonNull(constants, "constants is null")));
        uniqueColumns = Set.copyOf(new TreeSet<>(Objects.requireNonNull(uniqueColumns, "uniqueColumns is null")));
    }

    /** Compares all columns; no full resync. */
    public static DetectOptions allColumns() {
        return mapped(Map.of());
    }

    public static DetectOptions mapped(Map<String, String> targetToColumn) {
        return new DetectOptions(targetToColumn, Map.of(), Set.of(), false);
    }

    public DetectOptions withConstants(Map<String, String> targetToValue) {
        return new DetectOptions(mappedColumns, targetToValue, uniqueColumns, fullResync);
    }

    public DetectOptions withUniqueColumns(Set<String> columns) {
        return new DetectOptions(mappedColumns, constants, columns, fullResync);
    }

    public DetectOptions withFullResync() {
        return new DetectOptions(mappedColumns, constants, uniqueColumns, true);
    }
}
