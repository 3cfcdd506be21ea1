package dev.sfsync.source.snapshot;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a change detection compares and how.
 *
 * @param mappedColumns what the sync sends: target (e.g. the Salesforce field) to model column. A row is changed
 *                      when any of these columns changed. When the mappings change, only what must be resent is:
 *                      dropping a mapping resends nothing, adding or retargeting one resends every synced row once.
 *                      Empty: all of the model's columns, each as its own target.
 * @param fullResync    send every row as if it had changed, whatever the snapshot says (the snapshot itself is
 *                      left as it is until outcomes are committed)
 */
public record DetectOptions(Map<String, String> mappedColumns, boolean fullResync) {
    public DetectOptions {
        mappedColumns = Map.copyOf(new TreeMap<>(Objects.requireNonNull(mappedColumns, "mappedColumns is null")));
    }

    /** Compares all columns; no full resync. */
    public static DetectOptions allColumns() {
        return new DetectOptions(Map.of(), false);
    }

    public static DetectOptions mapped(Map<String, String> targetToColumn) {
        return new DetectOptions(targetToColumn, false);
    }

    public DetectOptions withFullResync() {
        return new DetectOptions(mappedColumns, true);
    }
}
