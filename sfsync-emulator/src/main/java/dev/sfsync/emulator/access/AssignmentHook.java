package dev.sfsync.emulator.access;

import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.SetupObjects;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.org.UserAccount;
import dev.sfsync.emulator.write.RecordError;
import dev.sfsync.emulator.write.RecordHook;

import java.util.Map;
import java.util.Optional;

/** Assigns a custom permission set to a user, once; profile-owned sets come with the profile and cannot be assigned. */
final class AssignmentHook implements RecordHook {
    @Override
    public Optional<RecordError> beforeWrite(Org org, UserAccount user, ObjectSchema schema, StoredRecord previous, Map<String, Object> next) {
        Optional<RecordError> denied = SetupAccess.requireManager(user);
        if (denied.isPresent() || next == null) {
            return denied;
        }
        Object setId = next.get("PermissionSetId");
        Object assignee = next.get("AssigneeId");
        boolean owned = org.store(SetupObjects.PERMISSION_SET).flatMap(s -> s.get(String.valueOf(setId)))
                .map(set -> SetupAccess.isTrue(set.get("IsOwnedByProfile"))).orElse(false);
        if (owned) {
            return Optional.of(RecordError.of("FIELD_INTEGRITY_EXCEPTION", "You can't assign a permission set that a profile owns; "
                    + "it applies to every user of that profile already", "PermissionSetId"));
        }
        for (StoredRecord other : org.store(SetupObjects.ASSIGNMENT).orElseThrow().all()) {
            if (!other.isDeleted() && setId.equals(other.get("PermissionSetId")) && assignee.equals(other.get("AssigneeId"))) {
                return Optional.of(RecordError.of("DUPLICATE_VALUE", "duplicate value found: PermissionSetId duplicates value on record with id: "
                        + other.id()));
            }
        }
        return Optional.empty();
    }

    @Override
    public void afterWrite(Org org, StoredRecord before, StoredRecord after) {
        FieldSecurity.recomputePermissionSets(org);
    }
}
