package dev.sfsync.emulator.metadata;

import dev.sfsync.emulator.write.RecordError;

/** A component the Metadata or Tooling API refuses; carries the per-component error Salesforce would report. */
final class InvalidDefinition extends Exception {
    private final RecordError error;

    InvalidDefinition(String statusCode, String message, String... fields) {
        super(message, null, false, false);
        this.error = RecordError.of(statusCode, message, fields);
    }

    RecordError error() {
        return error;
    }

    static InvalidDefinition integrity(String message, String... fields) {
        return new InvalidDefinition("FIELD_INTEGRITY_EXCEPTION", message, fields);
    }

    static InvalidDefinition missing(String field) {
        return new InvalidDefinition("REQUIRED_FIELD_MISSING", "Required field is missing: " + field, field);
    }
}
