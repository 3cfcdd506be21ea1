package dev.sfsync.engine.inbound;

import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.bulk2.QueryRows;

import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Id-range splitting for big objects: the query runs as successive Bulk API 2.0 query jobs, each over the next range
 * of Ids ({@code Id > 'last' ... ORDER BY Id LIMIT n}), streamed one after the other. The ranges need no list of
 * boundaries read beforehand, and each job stays small enough for Salesforce to finish without the query timeouts
 * that very large single queries hit. A range that returns fewer than n records is the last.
 */
final class IdRangeRecords implements Iterator<Map<String, ?>>, AutoCloseable {
    private final SalesforceClient client;
    private final String soql;
    private final boolean includeDeleted;
    private final int rangeSize;
    private QueryRows current;
    private long readInRange;
    private String lastId;
    private boolean exhausted;
    private int ranges;

    /** @param soql {@code SELECT … FROM Object [WHERE …]}, selecting Id, without ORDER BY or LIMIT */
    IdRangeRecords(SalesforceClient client, String soql, boolean includeDeleted, int rangeSize) {
        this.client = client;
        this.soql = soql;
        this.includeDeleted = includeDeleted;
        this.rangeSize = rangeSize;
    }

    @Override
    public boolean hasNext() {
        while (!exhausted && (current == null || !current.hasNext())) {
            if (current != null) {
                current.close();
                if (readInRange < rangeSize) {
                    exhausted = true;
                    current = null;
                    break;
                }
            }
            current = client.bulk2().query(rangeQuery(), includeDeleted, QueryRows.DEFAULT_PAGE_SIZE);
            readInRange = 0;
            ranges++;
        }
        return !exhausted && current.hasNext();
    }

    @Override
    public Map<String, ?> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Map<String, ?> record = current.next();
        lastId = String.valueOf(record.get("Id"));
        readInRange++;
        return record;
    }

    /** Bulk query jobs run so far. */
    int ranges() {
        return ranges;
    }

    String rangeQuery() {
        String range = lastId == null ? null : "Id > '" + lastId.replace("'", "") + "'";
        String where = soql;
        if (range != null) {
            int at = soql.toUpperCase(java.util.Locale.ROOT).indexOf(" WHERE ");
            where = at < 0 ? soql + " WHERE " + range : soql.substring(0, at) + " WHERE " + range + " AND (" + soql.substring(at + 7) + ")";
        }
        return where + " ORDER BY Id LIMIT " + rangeSize;
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
        }
    }
}
