package dev.sfsync.emulator.org;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Sets the audit fields Salesforce maintains itself on every create and update. */
public final class SystemFields {
    private SystemFields() {
    }

    /** Returns a copy of {@code values} with Id, audit fields and IsDeleted set; creation fields only when {@code creating}. */
    public static Map<String, Object> stamp(Map<String, Object> values, String id, String userId, Instant now, boolean creating) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Id", id);
        out.putAll(values);
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
