package dev.sfsync.emulator.soql;

import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.OrgDefinitionLoader;
import dev.sfsync.emulator.org.RecordStore;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.org.SystemFields;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** Inserts records straight into an org's stores, bypassing the record writer, for query tests. */
public final class TestRecords {
    private TestRecords() {
    }

    /** The test org (src/test/resources/test-org.yaml) on the given clock. */
    public static Org testOrg(Clock clock) {
        try (InputStream in = TestRecords.class.getResourceAsStream("/test-org.yaml")) {
            return new Org(OrgDefinitionLoader.load(in.readAllBytes(), "test-org.yaml"), clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates a live record from alternating field names and values; returns its id. */
    public static String insert(Org org, String object, Object... fieldsAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            values.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        RecordStore store = org.store(object).orElseThrow();
        synchronized (org.writeLock()) {
            String id = org.ids().next(store.schema().keyPrefix());
            String userId = org.defaultUser().id();
            if (store.schema().field("OwnerId").isPresent()) {
                values.putIfAbsent("OwnerId", userId);
            }
            store.put(new StoredRecord(id, store.schema(), SystemFields.stamp(values, id, userId, org.clock().instant(), true)));
            return id;
        }
    }

    /** Flags a record deleted, as a delete moves it to the recycle bin. */
    public static void delete(Org org, String object, String id) {
        RecordStore store = org.store(object).orElseThrow();
        synchronized (org.writeLock()) {
            StoredRecord record = store.get(id).orElseThrow();
            Map<String, Object> values = new LinkedHashMap<>(record.values());
            values.put("IsDeleted", Boolean.TRUE);
            store.put(new StoredRecord(id, record.schema(), values));
        }
    }
}
