package dev.sfsync.emulator.bulk2;

/** A query job's operation: {@code queryAll} also returns deleted records. */
enum QueryOperation {
    query, queryAll
}
