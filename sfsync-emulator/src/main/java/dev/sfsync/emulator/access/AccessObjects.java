package dev.sfsync.emulator.access;

import dev.sfsync.emulator.org.SetupObjects;
import dev.sfsync.emulator.write.RecordHook;

import java.util.Map;

/** The write hooks of the setup objects, keyed by object name as {@link SetupObjects} spells it. */
public final class AccessObjects {
    private AccessObjects() {
    }

    public static Map<String, RecordHook> hooks() {
        return Map.of(
                SetupObjects.PROFILE, new ProfileHook(),
                SetupObjects.PERMISSION_SET, new PermissionSetHook(),
                SetupObjects.ASSIGNMENT, new AssignmentHook(),
                SetupObjects.FIELD_PERMISSIONS, new FieldPermissionsHook());
    }
}
