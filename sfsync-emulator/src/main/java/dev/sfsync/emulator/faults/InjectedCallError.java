package dev.sfsync.emulator.faults;

/**
 * A call failed by an error rule, resolved against the catalogue. {@code errorCode} is null for statuses that come from
 * Salesforce's edge without a Salesforce body (502, 504 …); the flags tell what the rule named itself rather than took from the catalogue.
 */
record InjectedCallError(int status, String errorCode, String message, boolean codeGiven, boolean statusGiven) {
}
