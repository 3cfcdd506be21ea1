package dev.sfsync.core.change;

import dev.sfsync.core.model.Row;
import dev.sfsync.core.model.RowKey;

import java.util.Objects;

/**
 * One row to act on.
 *
 * @param kind          added, changed or removed
 * @param key           the row's primary key; give it back unchanged in the row's {@code RowOutcome}
 * @param row           the row's current values; null for {@link ChangeKind#REMOVED}
 * @param recordId      the Salesforce record Id the row was last synced to, when known (changed and removed rows); else null
 * @param priorFailures how many runs in a row failed or rejected this row before; 0 for a first attempt
 */
public record Change(ChangeKind kind, RowKey key, Row row, String recordId, int priorFailures) {
    public Change {
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(key, "key is null");
        if ((row == null) != (kind == ChangeKind.REMOVED)) {
            throw new IllegalArgumentException(kind + " change of " + key + (row == null ? " needs" : " must not have") + " a row");
        }
    }

    /** True if an earlier run failed on this row: it is being retried. */
    public boolean isRetry() {
        return priorFailures > 0;
    }
}
