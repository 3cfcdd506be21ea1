package dev.sfsync.emulator.metadata;

import dev.sfsync.emulator.write.RecordError;

import java.util.List;

/**
 * The outcome for one component, carrying what SaveResult, UpsertResult and DeleteResult carry: fullName, success,
 * created (upserts only) and errors.
 */
public record MetadataResult(String fullName, boolean success, boolean created, List<RecordError> errors) {
    public MetadataResult {
        errors = List.copyOf(errors);
    }

    static MetadataResult saved(String fullName, boolean created) {
        return new MetadataResult(fullName, true, created, List.of());
    }

    static MetadataResult failed(String fullName, RecordError error) {
        return new MetadataResult(fullName, false, false, List.of(error));
    }
}
