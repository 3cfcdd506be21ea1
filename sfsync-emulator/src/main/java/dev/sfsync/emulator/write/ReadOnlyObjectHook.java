package dev.sfsync.emulator.write;

import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.org.UserAccount;

import java.util.Map;
import java.util.Optional;

/** Objects the API only reads (Organization): every insert, update or delete fails as Salesforce fails it. */
final class ReadOnlyObjectHook implements RecordHook {
    @Override
    public Optional<RecordError> beforeWrite(Org org, UserAccount user, ObjectSchema schema, StoredRecord previous, Map<String, Object> next) {
        String verb = previous == null ? "inserted" : next == null ? "deleted" : "updated";
        return Optional.of(RecordError.of("INVALID_TYPE_FOR_OPERATION", "entity type cannot be " + verb + ": " + schema.name()));
    }
}
