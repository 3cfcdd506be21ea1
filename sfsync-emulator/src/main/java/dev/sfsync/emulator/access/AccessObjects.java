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
                SetupObjects.PROFILE, describing(new ProfileHook()),
                SetupObjects.PERMISSION_SET, describing(new PermissionSetHook()),
                SetupObjects.ASSIGNMENT, describing(new AssignmentHook()),
                SetupObjects.FIELD_PERMISSIONS, describing(new FieldPermissionsHook()));
    }

    /** Describes are per user: a change of access changes them, so their Last-Modified moves (If-Modified-Since sees it). */
    private static RecordHook describing(RecordHook hook) {
        return new RecordHook() {
            @Override
            public java.util.Optional<dev.sfsync.emulator.write.RecordError> beforeWrite(dev.sfsync.emulator.org.Org org,
                    dev.sfsync.emulator.org.UserAccount user, dev.sfsync.emulator.org.ObjectSchema schema,
                    dev.sfsync.emulator.org.StoredRecord previous, Map<String, Object> next) {
                return hook.beforeWrite(org, user, schema, previous, next);
            }

            @Override
            public void afterWrite(dev.sfsync.emulator.org.Org org, dev.sfsync.emulator.org.StoredRecord before,
                    dev.sfsync.emulator.org.StoredRecord after) {
                hook.afterWrite(org, before, after);
                org.describesChanged();
            }
        };
    }
}
