package dev.sfsync.emulator.access;

import dev.sfsync.emulator.org.Access;
import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.ObjectPermission;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.Profile;
import dev.sfsync.emulator.org.RecordStore;
import dev.sfsync.emulator.org.SetupObjects;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.org.SystemFields;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The setup records an org starts with: a Profile record and a profile-owned PermissionSet per profile, and a
 * FieldPermissions row per field grant the org file gives (READ or EDIT; NONE is the absence of a row, as in Salesforce).
 */
public final class AccessRecords {
    private AccessRecords() {
    }

    /** Puts every profile's field grants back to the org file's, then writes the setup records afresh. */
    public static void seed(Org org) {
        String adminId = org.defaultUser().id();
        Instant now = org.clock().instant();
        RecordStore sets = org.store(SetupObjects.PERMISSION_SET).orElseThrow();
        RecordStore rows = org.store(SetupObjects.FIELD_PERMISSIONS).orElseThrow();
        RecordStore objectRows = org.store(SetupObjects.OBJECT_PERMISSIONS).orElseThrow();
        for (Profile profile : org.definition().profiles()) {
            profile.resetFieldGrants();
            putProfile(org, profile);
            String setId = org.ids().next(sets.schema().keyPrefix());
            put(sets, setId, Map.of("Name", "X" + profile.id(), "Label", profile.name(), "IsOwnedByProfile", true,
                    "ProfileId", profile.id()), adminId, now);
            putObjectPermissions(org, objectRows, profile, setId, adminId, now);
            for (Map.Entry<String, Access> grant : profile.fieldGrants().entrySet()) {
                Optional<String> field = canonical(org, grant.getKey());
                if (grant.getValue() != Access.NONE && field.isPresent()) {
                    put(rows, org.ids().next(rows.schema().keyPrefix()), Map.of("ParentId", setId,
                            "SobjectType", field.get().substring(0, field.get().indexOf('.')), "Field", field.get(),
                            "PermissionsRead", true, "PermissionsEdit", grant.getValue() == Access.EDIT), adminId, now);
                }
            }
        }
    }

    /** One ObjectPermissions row per object the profile has any access to, as Salesforce lists a profile's permission set. */
    private static void putObjectPermissions(Org org, RecordStore rows, Profile profile, String setId, String adminId, Instant now) {
        boolean viewAll = profile.has(dev.sfsync.emulator.org.Permission.ViewAllData) || profile.has(dev.sfsync.emulator.org.Permission.ModifyAllData);
        boolean modifyAll = profile.has(dev.sfsync.emulator.org.Permission.ModifyAllData);
        for (ObjectSchema object : org.schemas()) {
            boolean read = profile.can(object.name(), ObjectPermission.READ);
            if (!read || object.platformEvent()) {
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("ParentId", setId);
            values.put("SobjectType", object.name());
            values.put("PermissionsRead", true);
            values.put("PermissionsCreate", profile.can(object.name(), ObjectPermission.CREATE));
            values.put("PermissionsEdit", profile.can(object.name(), ObjectPermission.EDIT));
            values.put("PermissionsDelete", profile.can(object.name(), ObjectPermission.DELETE));
            values.put("PermissionsViewAllRecords", viewAll);
            values.put("PermissionsModifyAllRecords", modifyAll);
            put(rows, org.ids().next(rows.schema().keyPrefix()), values, adminId, now);
        }
    }

    /** Writes the profile's record afresh, so that its Permissions* fields show the profile's system permissions now. */
    public static void putProfile(Org org, Profile profile) {
        put(org.store(SetupObjects.PROFILE).orElseThrow(), profile.id(), Map.of("Name", profile.name(),
                "PermissionsViewAllData", profile.has(dev.sfsync.emulator.org.Permission.ViewAllData),
                "PermissionsModifyAllData", profile.has(dev.sfsync.emulator.org.Permission.ModifyAllData)),
                org.defaultUser().id(), org.clock().instant());
    }

    private static Optional<String> canonical(Org org, String lowerKey) {
        int dot = lowerKey.indexOf('.');
        Optional<ObjectSchema> object = org.schema(lowerKey.substring(0, dot));
        Optional<FieldSchema> field = object.flatMap(o -> o.field(lowerKey.substring(dot + 1)));
        return field.map(f -> object.get().name() + "." + f.name());
    }

    private static void put(RecordStore store, String id, Map<String, Object> fields, String userId, Instant now) {
        Map<String, Object> values = new LinkedHashMap<>(fields);
        store.put(new StoredRecord(id, store.schema(), SystemFields.stamp(values, id, userId, now, true)));
    }
}
