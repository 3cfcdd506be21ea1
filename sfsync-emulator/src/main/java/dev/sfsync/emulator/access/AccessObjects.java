package dev.sfsync.emulator.access;

import dev.sfsync.emulator.org.SetupObjects;
import dev.sfsync.emulator.write.RecordHook;

import java.util.Locale;
import java.util.Map;

/** The write hooks of the setup objects, keyed by lower-case object name. */
public final class AccessObjects {
    private AccessObjects() {
    }

    public static Map<String, RecordHook> hooks() {
        return Map.of(
                SetupObjects.PROFILE.toLowerCase(Locale.ROOT), new ProfileHook(),
                SetupObjects.PERMISSION_SET.toLowerCase(Locale.ROOT), new PermissionSetHook(),
                SetupObjects.ASSIGNMENT.toLowerCase(Locale.ROOT), new AssignmentHook(),
                SetupObjects.FIELD_PERMISSIONS.toLowerCase(Locale.ROOT), new FieldPermissionsHook());
    }
}
