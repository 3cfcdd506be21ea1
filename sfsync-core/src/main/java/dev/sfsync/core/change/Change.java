package dev.sfsync.core.change;

import dev.sfsync.core.model.Row;
import dev.sfsync.core.model.RowKey;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One row to act on.
 *
 * @param kind          added, changed or removed
 * @param key           the row's primary key; give it back unchanged in the row's {@code RowOutcome}
 * @param row           the row's current values; null for {@link ChangeKind#REMOVED}
 * @param recordId      the Salesforce record Id the row was last synced to, when known (changed and removed rows); else null
 * @param priorFailures how many runs in a row failed or rejected this row before; 0 for a first attempt
 * @param sharedValues  the row's values in columns that must be unique (asked for at detection) which other rows of
 *                      the whole model hold too; empty normally, and always for removed rows
 */
public record Change(ChangeKind kind, RowKey key, Row row, String recordId, int priorFailures, List<SharedValue> sharedValues) {
    public Change {
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(key, "key is null");
        if ((row == null) != (kind == ChangeKind.REMOVED)) {
            throw new IllegalArgumentException(kind + " change of " + key + (row == null ? " needs" : " must not have") + " a row");
        }
        sharedValues = List.copyOf(Objects.requireNonNull(sharedValues, "sharedValues is null"));
    }

    /** Other rows' share of this row's value in {@code column} (matched ignoring case, as SQL names are); empty if none. */
    public Optional<SharedValue> sharedValue(String column) {
        return sharedValues.stream().filter(shared -> shared.column().equalsIgnoreCase(column)).findFirst();
    }

    /** True if an earlier run failed on this row: it is being retried. */
    public boolean isRetry() {
        return priorFailures > 0;
    }
}
