package dev.sfsync.emulator.bulk1;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Row locks held by batches in flight. Salesforce locks a record (and the parent a lookup points to) while the
 * transaction that writes it runs; a second transaction that needs it fails with UNABLE_TO_LOCK_ROW. Here a batch
 * claims all its keys when it starts and holds them until it ends, so which records fail is deterministic: the
 * batch that started later loses.
 */
final class RecordLocks {
    private final Map<String, Batch> holders = new HashMap<>();

    /** Claims the keys that are free; returns those another batch holds, which this batch cannot write. */
    synchronized Set<String> claim(Batch batch, Set<String> keys) {
        Set<String> contended = new LinkedHashSet<>();
        for (String key : keys) {
            Batch holder = holders.putIfAbsent(key, batch);
            if (holder != null && holder != batch) {
                contended.add(key);
            }
        }
        return contended;
    }

    synchronized void release(Batch batch) {
        holders.values().removeIf(holder -> holder == batch);
    }

    synchronized void clear() {
        holders.clear();
    }
}
