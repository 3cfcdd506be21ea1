package dev.sfsync.emulator.org;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A profile: system permissions, object permissions (objects not listed get full access) and field-level security
 * (fields not listed are editable). Field grants can change at runtime, as FieldPermissions do in Salesforce.
 */
public final class Profile {
    private final String id;
    private final String name;
    private final Set<Permission> permissions;
    private final Map<String, Set<ObjectPermission>> objectPermissions = new ConcurrentHashMap<>();
    private final Map<String, Access> fieldAccess = new ConcurrentHashMap<>();

    public Profile(String id, String name, Set<Permission> permissions) {
        this.id = Objects.requireNonNull(id, "id is null");
        this.name = Objects.requireNonNull(name, "name is null");
        this.permissions = permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions);
    }

    public String id() { return id; }
    public String name() { return name; }

    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }

    public void grantObject(String object, Set<ObjectPermission> granted) {
        objectPermissions.put(object.toLowerCase(Locale.ROOT), granted.isEmpty() ? EnumSet.noneOf(ObjectPermission.class) : EnumSet.copyOf(granted));
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
        if (fieldAccess.isEmpty()) {
            return Access.EDIT;
        }
        return fieldAccess.getOrDefault(key(object, field), Access.EDIT);
    }

    private static String key(String object, String field) {
        return (object + "." + field).toLowerCase(Locale.ROOT);
    }
}
