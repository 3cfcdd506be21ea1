package dev.sfsync.emulator;

import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.UserAccount;
import dev.sfsync.emulator.write.FieldInput;
import dev.sfsync.emulator.write.RecordWriter;
import dev.sfsync.emulator.write.WriteResult;

import java.util.List;
import java.util.Map;

/** Inserts the records an org file lists under {@code records}, as the org's first user, through the normal checks. */
final class SeedRecords {
    private SeedRecords() {
    }

    static void load(OrgHost host) {
        Org org = host.org();
        UserAccount admin = org.defaultUser();
        synchronized (org.writeLock()) {
            dev.sfsync.emulator.access.AccessRecords.seed(org);
            OrganizationRecord.seed(org);
            RecordWriter writer = new RecordWriter(org, admin);
            for (Map.Entry<String, List<Map<String, Object>>> entry : org.definition().seedRecords().entrySet()) {
                ObjectSchema schema = org.schema(entry.getKey()).orElseThrow();
                int index = 0;
                for (Map<String, Object> row : entry.getValue()) {
                    WriteResult result = writer.create(schema, FieldInput.fromMap(schema, admin.profile(), row));
                    if (!result.success()) {
                        throw new IllegalStateException("org file: records." + entry.getKey() + "[" + index + "] cannot be inserted: "
                                + result.firstError().statusCode() + " " + result.firstError().message());
                    }
                    index++;
                }
            }
        }
    }
}
