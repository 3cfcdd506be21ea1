package dev.sfsync.emulator.faults;

import java.util.Objects;

/** One record failed by a record error rule: the status code and message to report in that record's result. */
public record InjectedRecordError(String errorCode, String message) {
    public InjectedRecordError {
        Objects.requireNonNull(errorCode, "errorCode is null");
        Objects.requireNonNull(message, "message is null");
    }
}
