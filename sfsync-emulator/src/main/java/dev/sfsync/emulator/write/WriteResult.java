package dev.sfsync.emulator.write;

import java.util.List;

/** The outcome of writing one record, as SaveResult/UpsertResult carry it. */
public record WriteResult(String id, boolean success, boolean created, List<RecordError> errors) {
    public WriteResult {
        errors = List.copyOf(errors);
    }

    public static WriteResult created(String id) {
        return new WriteResult(id, true, true, List.of());
    }

    public static WriteResult saved(String id) {
        return new WriteResult(id, true, false, List.of());
    }

    /**
     * A published platform event: successful, yet carrying OPERATION_ENQUEUED with the event's UUID in its errors, as
     * Salesforce answers asynchronous publishing.
     */
    public static WriteResult enqueued(String id, String eventUuid) {
        return new WriteResult(id, true, true, List.of(RecordError.of("OPERATION_ENQUEUED", eventUuid)));
    }

    public static WriteResult failed(String id, RecordError error) {
        return new WriteResult(id, false, false, List.of(error));
    }

    public RecordError firstError() {
        return errors.isEmpty() ? null : errors.getFirst();
    }
}
