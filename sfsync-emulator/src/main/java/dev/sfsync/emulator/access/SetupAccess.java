package dev.sfsync.emulator.access;

import dev.sfsync.emulator.org.Access;
import dev.sfsync.emulator.org.Permission;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.org.UserAccount;
import dev.sfsync.emulator.write.RecordError;

import java.util.Optional;

/** Checks the setup-object hooks share. */
final class SetupAccess {
    private SetupAccess() {
    }

    /**
     * Salesforce asks for "Manage Profiles and Permission Sets"; the emulator's nearest permission is Customize
     * Application (or Modify All Data).
     */
    static Optional<RecordError> requireManager(UserAccount user) {
        if (user.profile().has(Permission.CustomizeApplication) || user.profile().has(Permission.ModifyAllData)) {
            return Optional.empty();
        }
        return Optional.of(RecordError.of("INSUFFICIENT_ACCESS_OR_READONLY", "insufficient access rights on object id"
                + " (managing permission sets needs Customize Application or Modify All Data)"));
    }

    static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value));
    }

    /** The access a FieldPermissions row grants: edit implies read. */
    static Access accessOf(StoredRecord row) {
        if (row == null || row.isDeleted()) {
            return Access.NONE;
        }
        if (isTrue(row.get("PermissionsEdit"))) {
            return Access.EDIT;
        }
        return isTrue(row.get("PermissionsRead")) ? Access.READ : Access.NONE;
    }
}
