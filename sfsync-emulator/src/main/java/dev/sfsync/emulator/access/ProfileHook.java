package dev.sfsync.emulator.access;

import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.org.UserAccount;
import dev.sfsync.emulator.write.RecordError;
import dev.sfsync.emulator.write.RecordHook;

import java.util.Map;
import java.util.Optional;

/** Profiles come from the org file; through the API they can only be read, and their field access changed via FieldPermissions. */
final class ProfileHook implements RecordHook {
    @Override
    public Optional<RecordError> beforeWrite(Org org, UserAccount user, ObjectSchema schema, StoredRecord previous, Map<String, Object> next) {
        String verb = previous == null ? "inserted" : next == null ? "deleted" : "updated";
        return Optional.of(RecordError.of("INVALID_TYPE_FOR_OPERATION", "entity type cannot be " + verb + ": Profile"
                + " (define profiles in the org file; change their field access with FieldPermissions)"));
    }
}
