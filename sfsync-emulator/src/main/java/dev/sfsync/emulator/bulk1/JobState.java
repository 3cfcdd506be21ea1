package dev.sfsync.emulator.bulk1;

/** A job's state: Open takes batches; Closed and Aborted take none; Failed is set by Salesforce alone. */
enum JobState {
    Open, Closed, Aborted, Failed
}
