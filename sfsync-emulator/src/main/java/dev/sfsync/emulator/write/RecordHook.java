package dev.sfsync.emulator.write;

import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.org.UserAccount;

import java.util.Map;
import java.util.Optional;

/**
 * What an object does beyond the generic checks when its records are written, as setup objects and platform events
 * do in Salesforce. Both methods run under the org's write lock.
 */
public interface RecordHook {
    /**
     * Called before a record is stored; {@code previous} is null on create, {@code next} is null on delete and may be
     * adjusted otherwise (system-set fields). An error refuses this record only.
     */
    Optional<RecordError> beforeWrite(Org org, UserAccount user, ObjectSchema schema, StoredRecord previous, Map<String, Object> next);

    /** Called after a version of a record replaced another (either may be null), also when a rollback puts one back. */
    default void afterWrite(Org org, StoredRecord before, StoredRecord after) {
    }
}
