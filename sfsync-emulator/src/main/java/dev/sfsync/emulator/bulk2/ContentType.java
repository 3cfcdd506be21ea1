package dev.sfsync.emulator.bulk2;

/** The job data formats Bulk API 2.0 takes: CSV only. */
enum ContentType {
    CSV
}
