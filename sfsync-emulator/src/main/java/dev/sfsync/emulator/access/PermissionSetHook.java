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

/**
 * Custom permission sets can be created, renamed and deleted by a user who manages them; the sets profiles own cannot
 * be changed or deleted, and a set still assigned to users cannot be deleted.
 */
final class PermissionSetHook implements RecordHook {
    @Override
    public Optional<RecordError> beforeWrite(Org org, UserAccount user, ObjectSchema schema, StoredRecord previous, Map<String, Object> next) {
        Optional<RecordError> denied = SetupAccess.requireManager(user);
        if (denied.isPresent()) {
            return denied;
        }
        if (previous != null && SetupAccess.isTrue(previous.get("IsOwnedByProfile"))) {
            return Optional.of(RecordError.of("INSUFFICIENT_ACCESS_OR_READONLY", "insufficient access rights on object id"
                    + " (this permission set belongs to a profile; grant field access through FieldPermissions instead)"));
        }
        if (previous != null && next == null && isAssigned(org, previous.id())) {
            return Optional.of(RecordError.of("DELETE_FAILED", "Your attempt to delete " + previous.get("Name")
                    + " could not be completed because it is assigned to users (delete its PermissionSetAssignment records first)"));
        }
        return Optional.empty();
    }

    @Override
    public void afterWrite(Org org, StoredRecord before, StoredRecord after) {
        FieldSecurity.recomputePermissionSets(org);
    }

    private static boolean isAssigned(Org org, String permissionSetId) {
        return org.store(SetupObjects.ASSIGNMENT).orElseThrow().all().stream()
                .anyMatch(a -> !a.isDeleted() && permissionSetId.equals(a.get("PermissionSetId")));
    }
}
