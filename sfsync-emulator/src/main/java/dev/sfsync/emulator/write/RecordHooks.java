package dev.sfsync.emulator.write;

import dev.sfsync.emulator.access.AccessObjects;
import dev.sfsync.emulator.events.PlatformEventHook;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.StandardObjects;

import java.util.Map;

/** The hooks of the objects that have one; every other object is written by the generic checks alone. */
final class RecordHooks {
    private static final Map<String, RecordHook> BY_OBJECT = AccessObjects.hooks();
    private static final RecordHook PLATFORM_EVENT = new PlatformEventHook();
    private static final RecordHook PERSON_ACCOUNT = new PersonAccountHook();
    private static final RecordHook READ_ONLY = new ReadOnlyObjectHook();

    private RecordHooks() {
    }

    /** The hook of this object, or null; called on every write, so it allocates nothing. */
    static RecordHook of(ObjectSchema schema) {
        if (schema.platformEvent()) {
            return PLATFORM_EVENT;
        }
        if (schema.name().equals("Account") && schema.field("IsPersonAccount").isPresent()) {
            return PERSON_ACCOUNT;
        }
        if (schema.name().equals(StandardObjects.ORGANIZATION) || schema.name().equals(dev.sfsync.emulator.org.EntityDefinitions.OBJECT)
                || schema.name().equals(dev.sfsync.emulator.org.SetupObjects.OBJECT_PERMISSIONS)) {
            return READ_ONLY;
        }
        return BY_OBJECT.get(schema.name());
    }
}
