package dev.sfsync.emulator.org;

import java.util.ArrayList;
import java.util.List;

import static dev.sfsync.emulator.org.FieldType.BOOLEAN;
import static dev.sfsync.emulator.org.FieldType.REFERENCE;
import static dev.sfsync.emulator.org.FieldType.STRING;
import static dev.sfsync.emulator.org.FieldType.TEXTAREA;

/**
 * The setup objects through which clients grant field-level security: Profile (read only), PermissionSet (each
 * profile owns one), PermissionSetAssignment and FieldPermissions. What writing them does lives in the access package.
 */
public final class SetupObjects {
    public static final String PROFILE = "Profile";
    public static final String PERMISSION_SET = "PermissionSet";
    public static final String ASSIGNMENT = "PermissionSetAssignment";
    public static final String FIELD_PERMISSIONS = "FieldPermissions";
    public static final String OBJECT_PERMISSIONS = "ObjectPermissions";

    private SetupObjects() {
    }

    public static List<ObjectSchema> all() {
        return List.of(profile(), permissionSet(), assignment(), fieldPermissions(), objectPermissions(), EntityDefinitions.schema());
    }

    private static ObjectSchema profile() {
        List<FieldSchema> f = new ArrayList<>(BuiltInObjects.systemFields(false));
        f.add(FieldSchema.builder("Name", STRING).readOnly().nameField().build());
        // Salesforce names each system permission of a profile Permissions<Name>; clients read View All Data this way.
        f.add(FieldSchema.builder("PermissionsViewAllData", BOOLEAN).label("View All Data").readOnly().build());
        f.add(FieldSchema.builder("PermissionsModifyAllData", BOOLEAN).label("Modify All Data").readOnly().build());
        return new ObjectSchema(PROFILE, "Profile", "Profiles", "00e", false, f, List.of());
    }

    private static ObjectSchema permissionSet() {
        List<FieldSchema> f = new ArrayList<>(BuiltInObjects.systemFields(false));
        f.add(FieldSchema.builder("Name", STRING).length(80).required().unique(true).build());
        f.add(FieldSchema.builder("Label", STRING).length(80).required().nameField().build());
        f.add(FieldSchema.builder("Description", TEXTAREA).length(255).build());
        f.add(FieldSchema.builder("IsOwnedByProfile", BOOLEAN).label("Is Owned By Profile").readOnly().build());
        f.add(FieldSchema.builder("ProfileId", REFERENCE).label("Profile ID").readOnly().references(PROFILE, "Profile").build());
        return new ObjectSchema(PERMISSION_SET, "Permission Set", "Permission Sets", "0PS", false, f, List.of());
    }

    private static ObjectSchema assignment() {
        List<FieldSchema> f = new ArrayList<>(BuiltInObjects.systemFields(false));
        f.add(FieldSchema.builder("AssigneeId", REFERENCE).label("Assignee ID").required().updateable(false).references("User", "Assignee").build());
        f.add(FieldSchema.builder("PermissionSetId", REFERENCE).label("Permission Set ID").required().updateable(false)
                .references(PERMISSION_SET, "PermissionSet").build());
        return new ObjectSchema(ASSIGNMENT, "Permission Set Assignment", "Permission Set Assignments", "0Pa", false, f, List.of());
    }

    /** A permission set's CRUD and View/Modify All on one object; the emulator shows each profile's, read only. */
    private static ObjectSchema objectPermissions() {
        List<FieldSchema> f = new ArrayList<>(BuiltInObjects.systemFields(false));
        f.add(FieldSchema.builder("ParentId", REFERENCE).label("Parent ID").readOnly().references(PERMISSION_SET, "Parent").build());
        f.add(FieldSchema.builder("SobjectType", STRING).length(40).label("Sobject Type Name").readOnly().build());
        for (String permission : List.of("Read", "Create", "Edit", "Delete", "ViewAllRecords", "ModifyAllRecords")) {
            f.add(FieldSchema.builder("Permissions" + permission, BOOLEAN).label(permission).readOnly().build());
        }
        return new ObjectSchema(OBJECT_PERMISSIONS, "Object Permissions", "Object Permissions", "110", false, f, List.of());
    }

    private static ObjectSchema fieldPermissions() {
        List<FieldSchema> f = new ArrayList<>(BuiltInObjects.systemFields(false));
        f.add(FieldSchema.builder("ParentId", REFERENCE).label("Parent ID").required().updateable(false).references(PERMISSION_SET, "Parent").build());
        f.add(FieldSchema.builder("SobjectType", STRING).length(40).label("Sobject Type Name").required().updateable(false).build());
        f.add(FieldSchema.builder("Field", STRING).length(100).label("Field Name").required().updateable(false).build());
        f.add(FieldSchema.builder("PermissionsRead", BOOLEAN).label("Read Access").build());
        f.add(FieldSchema.builder("PermissionsEdit", BOOLEAN).label("Edit Access").build());
        return new ObjectSchema(FIELD_PERMISSIONS, "Field Permissions", "Field Permissions", "01k", false, f, List.of());
    }
}
