package dev.sfsync.emulator.bulk1;

import java.util.Arrays;
import java.util.Optional;

/** A job's operation, spelled exactly as on the wire (Salesforce rejects INSERT for insert). */
enum Operation {
    insert, update, upsert, delete, hardDelete, query, queryAll;

    static Optional<Operation> parse(String text) {
        return Arrays.stream(values()).filter(o -> o.name().equals(text)).findFirst();
    }

    boolean isQuery() {
        return this == query || this == queryAll;
    }

    boolean isDelete() {
        return this == delete || this == hardDelete;
    }
}
