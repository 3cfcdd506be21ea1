package dev.sfsync.engine.validate;

import dev.sfsync.engine.sync.RecordTypeChoice;
import dev.sfsync.engine.sync.SyncDefinition;
import dev.sfsync.engine.sync.SyncMode;
import dev.sfsync.salesforce.describe.RecordTypeInfo;
import dev.sfsync.salesforce.describe.SObjectDescribe;

import java.util.List;
import java.util.Optional;

/**
 * Checks a sync's {@code record_type} against the describe: the object has record types, a named one exists and is
 * assigned to the connected user's profile, and nothing else sets RecordTypeId.
 */
final class RecordTypeCheck {
    interface Problems {
        void add(String path, String message, String fix);
    }

    private RecordTypeCheck() {
    }

    static void check(SyncDefinition sync, SObjectDescribe object, Problems problems) {
        Optional<RecordTypeChoice> choice = sync.options().recordType();
        if (choice.isEmpty()) {
            return;
        }
        String at = "syncs." + sync.name() + ".record_type";
        if (sync.mode() == SyncMode.ARCHIVE) {
            problems.add(at, "archive syncs delete records; a record type is never set", "remove record_type");
            return;
        }
        if (object.field("RecordTypeId").isEmpty()) {
            problems.add(at, object.name() + " has no record types in this org (or the connected user cannot see RecordTypeId)",
                    "create record types for " + object.name() + " in Setup → Object Manager → Record Types, or remove record_type");
            return;
        }
        if (sync.mappings().stream().anyMatch(m -> m.field().equalsIgnoreCase("RecordTypeId"))) {
            problems.add(at, "RecordTypeId is also set by a mapping", "keep either record_type or the mapping to RecordTypeId");
        }
        if (choice.get() instanceof RecordTypeChoice.Named named) {
            Optional<RecordTypeInfo> type = object.recordType(named.developerName());
            List<String> usable = usable(object);
            String names = usable.isEmpty() ? "none is assigned to the connected user's profile" : "assigned: " + String.join(", ", usable);
            if (type.isEmpty() || !type.get().active()) {
                problems.add(at, object.name() + " has no active record type named '" + named.developerName() + "' (" + names + ")",
                        "use a record type's developer name (Record Type Name in Setup, not its label)");
            } else if (!type.get().available()) {
                problems.add(at, "record type " + type.get().developerName() + " is not assigned to the connected user's profile, so Salesforce "
                        + "refuses it (INVALID_CROSS_REFERENCE_KEY); " + names,
                        "assign it in Setup → Profiles → (the user's profile) → Record Type Settings → " + object.name() + ", or name another");
            }
        }
    }

    static List<String> usable(SObjectDescribe object) {
        return object.recordTypes().stream().filter(t -> !t.master() && t.active() && t.available()).map(RecordTypeInfo::developerName).toList();
    }
}
