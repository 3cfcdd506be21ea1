package dev.sfsync.emulator.access;

import dev.sfsync.emulator.org.Access;
import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.Permission;
import dev.sfsync.emulator.org.Profile;
import dev.sfsync.emulator.org.RecordStore;
import dev.sfsync.emulator.org.SetupObjects;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.org.UserAccount;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Field-level security beyond what the org file sets. Profiles keep their own grants; custom permission sets add to
 * the profiles of the users assigned to them. The emulator keeps field-level security per profile, so a permission set
 * assigned to one user widens access for every user of that user's profile.
 */
public final class FieldSecurity {
    private static final Set<String> SYSTEM_FIELDS = Set.of("id", "isdeleted", "ownerid", "createddate", "createdbyid",
            "lastmodifieddate", "lastmodifiedbyid", "systemmodstamp");

    private FieldSecurity() {
    }

    /** Fields whose access a permission set can set: not system fields, not fields every user must see (required, name). */
    public static boolean permissionable(FieldSchema field) {
        return !SYSTEM_FIELDS.contains(field.name().toLowerCase(java.util.Locale.ROOT)) && !field.nameField()
                && !field.requiredOnCreate() && field.type() != dev.sfsync.emulator.org.FieldType.ID;
    }

    /**
     * A field the Metadata or Tooling API just created is hidden from every profile without Modify All Data until
     * someone grants access, as a field created without profile settings is in Salesforce; required fields stay
     * visible because no profile may lack them.
     */
    public static void hideNewField(Org org, String object, FieldSchema field) {
        if (!permissionable(field)) {
            return;
        }
        for (Profile profile : org.definition().profiles()) {
            if (!profile.has(Permission.ModifyAllData)) {
                profile.grantField(object, field.name(), Access.NONE);
            }
        }
    }

    /** After a field is deleted: its FieldPermissions rows go with it. */
    public static void forgetField(Org org, String object, String field) {
        RecordStore rows = org.store(SetupObjects.FIELD_PERMISSIONS).orElseThrow();
        String path = object + "." + field;
        for (StoredRecord row : List.copyOf(rows.all())) {
            if (path.equalsIgnoreCase(String.valueOf(row.get("Field")))) {
                rows.remove(row.id());
            }
        }
        recomputePermissionSets(org);
    }

    /** Recomputes what custom permission sets add to each profile, from the live sets, rows and assignments. */
    static void recomputePermissionSets(Org org) {
        Set<String> customSets = new HashSet<>();
        for (StoredRecord set : org.store(SetupObjects.PERMISSION_SET).orElseThrow().all()) {
            if (!set.isDeleted() && !SetupAccess.isTrue(set.get("IsOwnedByProfile"))) {
                customSets.add(set.id());
            }
        }
        Map<String, Map<String, Access>> rowsBySet = new HashMap<>();
        for (StoredRecord row : org.store(SetupObjects.FIELD_PERMISSIONS).orElseThrow().all()) {
            String parent = String.valueOf(row.get("ParentId"));
            if (!row.isDeleted() && customSets.contains(parent)) {
                String[] field = String.valueOf(row.get("Field")).split("\\.", 2);
                rowsBySet.computeIfAbsent(parent, k -> new HashMap<>()).put(Profile.fieldKey(field[0], field[1]), SetupAccess.accessOf(row));
            }
        }
        Map<String, Map<String, Access>> byProfile = new HashMap<>();
        for (StoredRecord assignment : org.store(SetupObjects.ASSIGNMENT).orElseThrow().all()) {
            Map<String, Access> rows = rowsBySet.get(String.valueOf(assignment.get("PermissionSetId")));
            UserAccount user = assignment.isDeleted() ? null : org.userById(String.valueOf(assignment.get("AssigneeId"))).orElse(null);
            if (rows != null && user != null) {
                Map<String, Access> grants = byProfile.computeIfAbsent(user.profile().id(), k -> new HashMap<>());
                rows.forEach((key, access) -> grants.merge(key, access, (a, b) -> a.ordinal() >= b.ordinal() ? a : b));
            }
        }
        for (Profile profile : org.definition().profiles()) {
            profile.permissionSetGrants(byProfile.getOrDefault(profile.id(), Map.of()));
        }
    }
}
