package dev.sfsync.engine.plan;

import dev.sfsync.salesforce.bulk.Operation;

/** The writes a run makes, and the API operation each uses. */
public enum WriteKind {
    CREATE(Operation.INSERT),
    UPDATE(Operation.UPDATE),
    UPSERT(Operation.UPSERT),
    /** Empties the mapped fields of a record whose row left the model. */
    CLEAR(Operation.UPDATE),
    DELETE(Operation.DELETE);

    private final Operation operation;

    WriteKind(Operation operation) {
        this.operation = operation;
    }

    public Operation operation() {
        return operation;
    }

    /** Writes that address the record by Id, so a row matched by an external ID needs its Id found first. */
    public boolean needsRecordId() {
        return this == UPDATE || this == CLEAR || this == DELETE;
    }
}
