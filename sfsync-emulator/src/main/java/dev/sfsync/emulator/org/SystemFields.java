package dev.sfsync.emulator.org;

import java.time.Instant;
import java.util.Map;

/** Sets the audit fields Salesforce maintains itself on every create and update. */
public final class SystemFields {
    private SystemFields() {
    }

    /** Sets Id, audit fields and IsDeleted on {@code values} (creation fields only when {@code creating}) and returns it. */
    public static Map<String, Object> stamp(Map<String, Object> values, String id, String userId, Instant now, boolean creating) {
        Map<String, Object> out = values;
        out.put("Id", id);
        if (creating) {
            out.put("IsDeleted", Boolean.FALSE);
            out.put("CreatedDate", now);
            out.put("CreatedById", userId);
        }
        out.put("LastModifiedDate", now);
        out.put("LastModifiedById", userId);
        out.put("SystemModstamp", now);
        return out;
    }
}
