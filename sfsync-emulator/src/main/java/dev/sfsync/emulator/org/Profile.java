package dev.sfsync.emulator.org;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A profile: system permissions, object permissions (objects not listed get full access) and field-level security
 * (fields not listed are editable). Field grants can change at runtime, as FieldPermissions do in Salesforce; on top of
 * the profile's own grants sit those of the permission sets assigned to its users.
 */
public final class Profile {
    private final String id;
    private final String name;
    private final Set<Permission> definedPermissions;
    private volatile Set<Permission> permissions;
    private final Map<String, Set<ObjectPermission>> objectPermissions = new ConcurrentHashMap<>();
    private final Map<String, Access> fieldAccess = new ConcurrentHashMap<>();
    private volatile Map<String, Access> definedFieldAccess;
    private volatile Map<String, Access> permissionSetAccess = Map.of();

    private final Map<String, RecordTypeAssignment> recordTypes = new ConcurrentHashMap<>();

    /**
     * The record types of one object the profile may use, by developer name in lower case, and the one its records get
     * when none is given ({@code defaultName} null: the profile has no default, and creating without one fails).
     */
    public record RecordTypeAssignment(Set<String> available, String defaultName) {
        public RecordTypeAssignment {
            available = Set.copyOf(available);
        }
    }

    public Profile(String id, String name, Set<Permission> permissions) {
        this.id = Objects.requireNonNull(id, "id is null");
        this.name = Objects.requireNonNull(name, "name is null");
        this.definedPermissions = permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions);
        this.permissions = Set.copyOf(definedPermissions);
    }

    public String id() { return id; }
    public String name() { return name; }

    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }

    /** Grants or removes a system permission, as an admin editing the profile does; an org reset undoes it. */
    public synchronized void permission(Permission permission, boolean granted) {
        Set<Permission> next = EnumSet.noneOf(Permission.class);
        next.addAll(permissions);
        if (granted) {
            next.add(permission);
        } else {
            next.remove(permission);
        }
        permissions = Set.copyOf(next);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public void grantObject(String object, Set<ObjectPermission> granted) {
        objectPermissions.put(object.toLowerCase(Locale.ROOT), granted.isEmpty() ? EnumSet.noneOf(ObjectPermission.class) : EnumSet.copyOf(granted));
    }

    public void assignRecordTypes(String object, RecordTypeAssignment assignment) {
        recordTypes.put(object.toLowerCase(Locale.ROOT), assignment);
    }

    /** The profile's record type settings of an object; empty: every active record type, the first one by default. */
    public java.util.Optional<RecordTypeAssignment> recordTypes(String object) {
        return java.util.Optional.ofNullable(recordTypes.get(object.toLowerCase(Locale.ROOT)));
    }

    public void grantField(String object, String field, Access access) {
        fieldAccess.put(key(object, field), access);
    }

    public boolean can(String object, ObjectPermission permission) {
        if (has(Permission.ModifyAllData)) {
            return true;
        }
        Set<ObjectPermission> granted = objectPermissions.get(object.toLowerCase(Locale.ROOT));
        return granted == null || granted.contains(permission);
    }

    public Access fieldAccess(String object, String field) {
        Access own = fieldAccess.isEmpty() ? Access.EDIT : fieldAccess.getOrDefault(key(object, field), Access.EDIT);
        Map<String, Access> extra = permissionSetAccess;
        if (extra.isEmpty() || own == Access.EDIT) {
            return own;
        }
        Access granted = extra.get(key(object, field));
        return granted != null && granted.ordinal() > own.ordinal() ? granted : own;
    }

    /** The field grants of the profile itself, keyed "object.field" in lower case. */
    public Map<String, Access> fieldGrants() {
        return Map.copyOf(fieldAccess);
    }

    /** Replaces what permission sets assigned to this profile's users add, keyed as {@link #fieldGrants()}. */
    public void permissionSetGrants(Map<String, Access> grants) {
        permissionSetAccess = Map.copyOf(grants);
    }

    /**
     * The first call remembers the field grants the org file set; later calls put them back and drop every grant made
     * since (an org reset), permission sets included. System permissions go back to the org file's too.
     */
    public void resetFieldGrants() {
        permissions = Set.copyOf(definedPermissions);
        if (definedFieldAccess == null) {
            definedFieldAccess = Map.copyOf(fieldAccess);
        } else {
            fieldAccess.clear();
            fieldAccess.putAll(definedFieldAccess);
        }
        permissionSetAccess = Map.of();
    }

    public static String fieldKey(String object, String field) {
        return key(object, field);
    }

    private static String key(String object, String field) {
        return (object + "." + field).toLowerCase(Locale.ROOT);
    }
}
