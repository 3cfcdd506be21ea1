package dev.sfsync.emulator.org;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Sets the audit fields Salesforce maintains itself on every create and update. */
public final class SystemFields {
    private SystemFields() {
    }

    /**
     * The time audit fields record for a write made at {@code now}: Salesforce keeps them to the second, so records
     * written in the same second share a SystemModstamp (the ties a replication cursor must survive).
     */
    public static Instant auditTime(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS);
    }

    /** Sets Id, audit fields and IsDeleted on {@code values} (creation fields only when {@code creating}) and returns it. */
    public static Map<String, Object> stamp(Map<String, Object> values, String id, String userId, Instant now, boolean creating) {
        Map<String, Object> out = values;
        now = auditTime(now);
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
