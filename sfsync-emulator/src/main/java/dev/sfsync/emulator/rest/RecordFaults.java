package dev.sfsync.emulator.rest;

import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.faults.ApiKind;
import dev.sfsync.emulator.write.RecordError;
import dev.sfsync.emulator.write.WriteResult;

import java.util.Optional;

/** The record faults of REST writes: a failed result to report instead of saving the record, when a rule fires. */
final class RecordFaults {
    private RecordFaults() {
    }

    /** Asks once per record, inside the write lock, so the records of concurrent calls are numbered one by one. */
    static Optional<WriteResult> failure(OrgHost host, String object, String id) {
        return host.faults().recordError(ApiKind.REST, object)
                .map(fault -> WriteResult.failed(id, RecordError.of(fault.errorCode(), fault.message())));
    }
}
