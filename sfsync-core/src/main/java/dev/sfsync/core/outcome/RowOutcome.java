package dev.sfsync.core.outcome;

import dev.sfsync.core.model.RowKey;

import java.util.Objects;

/**
 * The fate of one row in a run: data, never an exception. Every row of a run ends in exactly one outcome;
 * switch over this interface exhaustively so a new kind of outcome fails compilation where it is not handled.
 */
public sealed interface RowOutcome {
    RowKey key();

    /** The Salesforce record Id, when the outcome has one; else null. */
    default String recordId() {
        return null;
    }

    /** The error of a failed or rejected row; else null. */
    default RowError error() {
        return null;
    }

    default OutcomeStatus status() {
        return switch (this) {
            case Created c -> OutcomeStatus.CREATED;
            case Updated u -> OutcomeStatus.UPDATED;
            case Deleted d -> OutcomeStatus.DELETED;
            case Unchanged u -> OutcomeStatus.UNCHANGED;
            case RejectedLocally r -> OutcomeStatus.REJECTED;
            case Failed f -> OutcomeStatus.FAILED;
            case Merged m -> OutcomeStatus.MERGED;
        };
    }

    default boolean succeeded() {
        return status().succeeded();
    }

    /** Salesforce created the record. */
    record Created(RowKey key, String recordId) implements RowOutcome {
        public Created {
            Objects.requireNonNull(key, "key is null");
            Objects.requireNonNull(recordId, "recordId is null");
        }
    }

    /** Salesforce updated the record (or cleared its fields, for a removed row). */
    record Updated(RowKey key, String recordId) implements RowOutcome {
        public Updated {
            Objects.requireNonNull(key, "key is null");
        }
    }

    /** Salesforce deleted the record of a removed row. */
    record Deleted(RowKey key, String recordId) implements RowOutcome {
        public Deleted {
            Objects.requireNonNull(key, "key is null");
        }
    }

    /** Nothing had to be sent (e.g. a removed row with delete behaviour "nothing"); counts as a success. */
    record Unchanged(RowKey key) implements RowOutcome {
        public Unchanged {
            Objects.requireNonNull(key, "key is null");
        }
    }

    /** Local validation refused the row before any API call; {@code error} holds the code Salesforce would answer. */
    record RejectedLocally(RowKey key, RowError error) implements RowOutcome {
        public RejectedLocally {
            Objects.requireNonNull(key, "key is null");
            Objects.requireNonNull(error, "error is null");
        }
    }

    /**
     * Salesforce merged the row's record into its group's parent record (merge syncs): {@code recordId} is the parent's,
     * which now holds the merged record's related records.
     */
    record Merged(RowKey key, String recordId) implements RowOutcome {
        public Merged {
            Objects.requireNonNull(key, "key is null");
            Objects.requireNonNull(recordId, "recordId is null");
        }
    }

    /** Salesforce refused the row; {@code attempt} counts the tries made in this run (split retries included). */
    record Failed(RowKey key, RowError error, int attempt) implements RowOutcome {
        public Failed {
            Objects.requireNonNull(key, "key is null");
            Objects.requireNonNull(error, "error is null");
        }
    }
}
