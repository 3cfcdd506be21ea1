package dev.sfsync.emulator.rest;

import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.RecordStore;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.org.SalesforceIds;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the subrequests of an all-or-none composite request changed, to put back when one of them fails: records are
 * immutable versions, so the version a write replaced is the undo, and a created record is removed.
 */
final class UndoLog {
    private static final Pattern RECORD = Pattern.compile("/services/data/v[^/]+/sobjects/([^/]+)/([^/]+)(?:/([^/]+))?/?");

    private final Org org;
    private final Deque<Runnable> undo = new ArrayDeque<>();

    UndoLog(Org org) {
        this.org = org;
    }

    /** Before a subrequest: keeps the record a PATCH or DELETE of one record (by id or external id) will replace. */
    void before(String method, String path) {
        if (!method.equals("PATCH") && !method.equals("DELETE") && !method.equals("POST")) {
            return;
        }
        Matcher m = RECORD.matcher(path);
        if (!m.matches() || (method.equals("POST") && m.group(3) == null)) {
            return;
        }
        Optional<RecordStore> store = org.store(m.group(1));
        if (store.isEmpty()) {
            return;
        }
        String id = m.group(3) == null ? SalesforceIds.normalize(m.group(2)).orElse(null) : byExternalId(store.get().schema(), store.get(), m.group(2), m.group(3));
        if (id != null) {
            keep(store.get(), id);
        }
    }

    /** After a subrequest that created a record: it goes on rollback. */
    void created(String object, String id) {
        org.store(object).ifPresent(store -> undo.push(() -> store.remove(id)));
    }

    private void keep(RecordStore store, String id) {
        Optional<StoredRecord> previous = store.get(id);
        previous.ifPresent(record -> undo.push(() -> store.put(record)));
    }

    private static String byExternalId(ObjectSchema schema, RecordStore store, String field, String value) {
        Optional<FieldSchema> key = schema.field(field);
        if (key.isEmpty()) {
            return null;
        }
        var ids = store.findBy(key.get(), value);
        return ids.size() == 1 ? ids.getFirst() : null;
    }

    /** Puts every change back, newest first. */
    void rollback() {
        synchronized (org.writeLock()) {
            while (!undo.isEmpty()) {
                undo.pop().run();
            }
        }
    }
}
