package dev.sfsync.emulator.bulk2;

/** The write an ingest job performs on each row, by its wire name. */
public enum IngestOperation {
    insert, update, upsert, delete, hardDelete
}
