package dev.sfsync.emulator.events;

import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.org.UserAccount;
import dev.sfsync.emulator.write.RecordError;
import dev.sfsync.emulator.write.RecordHook;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Publishing a platform event is inserting a record of its __e object: the event bus gives each message the next
 * ReplayId of its channel and a random EventUuid. Updates and deletes never get here (the record writer refuses them).
 */
public final class PlatformEventHook implements RecordHook {
    @Override
    public Optional<RecordError> beforeWrite(Org org, UserAccount user, ObjectSchema schema, StoredRecord previous, Map<String, Object> next) {
        if (previous == null && next != null) {
            next.put("ReplayId", Long.toString(org.nextNumber(schema.name(), "ReplayId")));
            next.put("EventUuid", UUID.randomUUID().toString());
        }
        return Optional.empty();
    }
}
