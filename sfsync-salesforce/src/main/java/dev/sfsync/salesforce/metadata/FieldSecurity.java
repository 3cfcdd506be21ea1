package dev.sfsync.salesforce.metadata;

import dev.sfsync.salesforce.rest.RecordStream;
import dev.sfsync.salesforce.rest.RestClient;
import dev.sfsync.salesforce.rest.SaveResult;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Field-level security through the setup objects over REST: PermissionSet, PermissionSetAssignment and
 * FieldPermissions. A new custom field is visible to nobody until a FieldPermissions row grants it, which is the
 * "field exists but is not writable" trap a sync must avoid.
 */
public final class FieldSecurity {
    private final RestClient rest;

    public FieldSecurity(RestClient rest) {
        this.rest = rest;
    }

    /** The id of the permission set with this API name, created (with the label) if it does not exist. */
    public String ensurePermissionSet(String name, String label) {
        if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("a permission set's API name is letters, digits and underscores, starting with a letter, not '" + name + "'");
        }
        Optional<String> existing = firstId("SELECT Id FROM PermissionSet WHERE Name = '" + soql(name) + "'");
        if (existing.isPresent()) {
            return existing.get();
        }
        SaveResult created = rest.create("PermissionSet", Map.of("Name", name, "Label", label));
        if (!created.success()) {
            throw new IllegalStateException("cannot create permission set " + name + ": " + created.firstError());
        }
        return created.id();
    }

    /**
     * Grants (or changes) one field's access in a permission set: updates its FieldPermissions row, or creates one.
     * Required fields cannot carry FieldPermissions; Salesforce refuses them and the refusal is the result.
     */
    public SaveResult grant(String permissionSetId, String object, String field, FieldAccess access) {
        String fieldName = object + "." + field;
        Optional<String> row = firstId("SELECT Id FROM FieldPermissions WHERE ParentId = '" + soql(permissionSetId) + "' AND Field = '"
                + soql(fieldName) + "'");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("PermissionsRead", access.read());
        values.put("PermissionsEdit", access.edit());
        if (row.isPresent()) {
            return rest.update("FieldPermissions", row.get(), values);
        }
        values.put("ParentId", permissionSetId);
        values.put("SobjectType", object);
        values.put("Field", fieldName);
        return rest.create("FieldPermissions", values);
    }

    /** Assigns a permission set to a user; an existing assignment counts as success. */
    public SaveResult assign(String permissionSetId, String userId) {
        Optional<String> existing = firstId("SELECT Id FROM PermissionSetAssignment WHERE PermissionSetId = '" + soql(permissionSetId)
                + "' AND AssigneeId = '" + soql(userId) + "'");
        if (existing.isPresent()) {
            return SaveResult.succeeded(existing.get(), false);
        }
        return rest.create("PermissionSetAssignment", Map.of("PermissionSetId", permissionSetId, "AssigneeId", userId));
    }

    /**
     * The field access a user has on an object's fields, summed over every permission set assigned to the user (in
     * Salesforce this includes the one behind the user's profile). Fields without any FieldPermissions row (required
     * and system fields) are not listed: their access does not come from field-level security.
     */
    public Map<String, FieldAccess> forUser(String userId, String object) {
        String query = "SELECT Field, PermissionsRead, PermissionsEdit FROM FieldPermissions WHERE SobjectType = '" + soql(object)
                + "' AND ParentId IN (SELECT PermissionSetId FROM PermissionSetAssignment WHERE AssigneeId = '" + soql(userId) + "')";
        Map<String, FieldAccess> access = new LinkedHashMap<>();
        try (RecordStream rows = rest.query(query)) {
            rows.forEachRemaining(row -> {
                String field = String.valueOf(row.get("Field"));
                String name = field.startsWith(object + ".") ? field.substring(object.length() + 1) : field;
                FieldAccess granted = new FieldAccess(Boolean.TRUE.equals(row.get("PermissionsRead")) || Boolean.TRUE.equals(row.get("PermissionsEdit")),
                        Boolean.TRUE.equals(row.get("PermissionsEdit")));
                access.merge(name, granted, FieldAccess::or);
            });
        }
        return access;
    }

    private Optional<String> firstId(String soql) {
        try (RecordStream rows = rest.query(soql)) {
            return rows.hasNext() ? Optional.of(String.valueOf(rows.next().get("Id"))) : Optional.empty();
        }
    }

    /** A value inside a SOQL string literal. */
    static String soql(String value) {
        return value.replace("\\", "\\\\").replace("'", "\\'");
    }
}
