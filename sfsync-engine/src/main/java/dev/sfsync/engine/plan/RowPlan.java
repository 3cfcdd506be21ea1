package dev.sfsync.engine.plan;

import dev.sfsync.core.model.RowKey;
import dev.sfsync.core.outcome.RowOutcome;

import java.util.Map;
import java.util.Objects;

/** What a run does with one change: settle it without a call, or write it. */
public sealed interface RowPlan {
    RowKey key();

    /** The row's outcome is known without calling Salesforce (nothing to do, or rejected locally). */
    record Settled(RowOutcome outcome) implements RowPlan {
        public Settled {
            Objects.requireNonNull(outcome, "outcome is null");
        }

        @Override
        public RowKey key() {
            return outcome.key();
        }
    }

    /**
     * A record to write.
     *
     * @param fields       field to wire value, without the match field (for CLEAR: the cleared fields, all null)
     * @param recordId     the record's Id when known (from the snapshot, or the match column in Id matching); else null
     * @param matchValue   the match field's value, to upsert by or to find the record's Id; null when matching by Id
     * @param lookupValues reference field to the value its lookup searches for (resolved into Ids before writing)
     */
    record Write(RowKey key, WriteKind kind, Map<String, Object> fields, String recordId, String matchValue,
                 Map<String, String> lookupValues) implements RowPlan {
        public Write {
            Objects.requireNonNull(key, "key is null");
            Objects.requireNonNull(kind, "kind is null");
            fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
            lookupValues = Map.copyOf(lookupValues);
        }
    }
}
