package dev.sfsync.emulator.write;

import java.util.List;
import java.util.Objects;

/** Why one record was not saved: Salesforce's status code, message and the fields concerned. */
public record RecordError(String statusCode, String message, List<String> fields) {
    public RecordError {
        Objects.requireNonNull(statusCode, "statusCode is null");
        Objects.requireNonNull(message, "message is null");
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public static RecordError of(String statusCode, String message, String... fields) {
        return new RecordError(statusCode, message, List.of(fields));
    }
}
