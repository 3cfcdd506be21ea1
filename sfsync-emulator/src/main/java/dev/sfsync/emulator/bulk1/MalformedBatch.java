package dev.sfsync.emulator.bulk1;

/**
 * Batch content that cannot be processed as a whole (bad CSV, unknown field, too many records). The batch ends
 * Failed with stateMessage "InvalidBatch : message"; no record of it is written.
 */
final class MalformedBatch extends Exception {
    MalformedBatch(String message) {
        super(message, null, false, false);
    }
}
