package dev.sfsync.emulator.write;

/** A value that cannot be stored in its field; carries the record error Salesforce would give. */
final class InvalidValue extends Exception {
    private final RecordError error;

    InvalidValue(RecordError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    RecordError error() {
        return error;
    }
}
