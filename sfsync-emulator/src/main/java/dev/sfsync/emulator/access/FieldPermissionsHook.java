package dev.sfsync.emulator.access;

import dev.sfsync.emulator.org.FieldSchema;
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
 * One field's access in one permission set. The row is checked as Salesforce checks it (known object and field, one
 * row per set and field, edit needs read), its names are stored in their canonical spelling, and every change is
 * applied to the field-level security of the profiles concerned.
 */
final class FieldPermissionsHook implements RecordHook {
    @Override
    public Optional<RecordError> beforeWrite(Org org, UserAccount user, ObjectSchema schema, StoredRecord previous, Map<String, Object> next) {
        Optional<RecordError> denied = SetupAccess.requireManager(user);
        if (denied.isPresent() || next == null) {
            return denied;
        }
        String objectName = String.valueOf(next.get("SobjectType"));
        Optional<ObjectSchema> object = org.schema(objectName).filter(o -> !o.platformEvent());
        if (object.isEmpty()) {
            return Optional.of(badPicklistValue("Sobject Type Name", objectName, "SobjectType"));
        }
        String fieldPath = String.valueOf(next.get("Field"));
        int dot = fieldPath.indexOf('.');
        Optional<FieldSchema> field = dot < 0 || !fieldPath.substring(0, dot).equalsIgnoreCase(object.get().name())
                ? Optional.empty() : object.get().field(fieldPath.substring(dot + 1)).filter(FieldSecurity::permissionable);
        if (field.isEmpty()) {
            return Optional.of(badPicklistValue("Field Name", fieldPath, "Field"));
        }
        boolean edit = SetupAccess.isTrue(next.get("PermissionsEdit"));
        if (edit && !SetupAccess.isTrue(next.get("PermissionsRead"))) {
            return Optional.of(RecordError.of("FIELD_INTEGRITY_EXCEPTION",
                    "Permission Edit depends on permission(s): Read (fix: set PermissionsRead to true as well)", "PermissionsRead"));
        }
        if (edit && !field.get().createable() && !field.get().updateable()) {
            return Optional.of(RecordError.of("FIELD_INTEGRITY_EXCEPTION", "Field " + fieldPath
                    + " is read only for everyone; it can only be given PermissionsRead", "PermissionsEdit"));
        }
        next.put("SobjectType", object.get().name());
        next.put("Field", object.get().name() + "." + field.get().name());
        if (previous == null) {
            return duplicate(org, next);
        }
        return Optional.empty();
    }

    @Override
    public void afterWrite(Org org, StoredRecord before, StoredRecord after) {
        StoredRecord row = after != null ? after : before;
        String parentId = String.valueOf(row.get("ParentId"));
        Optional<StoredRecord> parent = org.store(SetupObjects.PERMISSION_SET).flatMap(s -> s.get(parentId));
        if (parent.isEmpty() || !SetupAccess.isTrue(parent.get().get("IsOwnedByProfile"))) {
            FieldSecurity.recomputePermissionSets(org);
            return;
        }
        String profileId = String.valueOf(parent.get().get("ProfileId"));
        String[] field = String.valueOf(row.get("Field")).split("\\.", 2);
        org.definition().profiles().stream().filter(p -> p.id().equals(profileId)).findFirst()
                .ifPresent(profile -> profile.grantField(field[0], field[1], SetupAccess.accessOf(after)));
    }

    private static Optional<RecordError> duplicate(Org org, Map<String, Object> next) {
        for (StoredRecord other : org.store(SetupObjects.FIELD_PERMISSIONS).orElseThrow().all()) {
            if (!other.isDeleted() && next.get("ParentId").equals(other.get("ParentId"))
                    && String.valueOf(next.get("Field")).equalsIgnoreCase(String.valueOf(other.get("Field")))) {
                return Optional.of(RecordError.of("DUPLICATE_VALUE", "duplicate value found: Field duplicates value on record with id: "
                        + other.id() + " (fix: update that FieldPermissions record instead)"));
            }
        }
        return Optional.empty();
    }

    private static RecordError badPicklistValue(String label, String value, String field) {
        return RecordError.of("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", label + ": bad value for restricted picklist field: " + value, field);
    }
}
