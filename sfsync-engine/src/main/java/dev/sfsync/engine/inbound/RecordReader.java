package dev.sfsync.engine.inbound;

import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.bulk1.Bulk1QueryRows;
import dev.sfsync.salesforce.bulk2.QueryRows;
import dev.sfsync.salesforce.rest.RecordStream;

import java.util.Iterator;
import java.util.Map;

/**
 * The records a query returns, streamed from REST pages or Bulk API 2.0 result pages: one record in memory at a
 * time. With {@link InboundApi#AUTO} the REST query's first page tells the count; past the threshold the REST
 * cursor is dropped and a Bulk query job reads the records instead.
 */
public final class RecordReader implements Iterator<Map<String, ?>>, AutoCloseable {
    private static final int REST_PAGE = 2_000;

    private final Iterator<? extends Map<String, ?>> records;
    private final AutoCloseable resource;
    private final InboundApi used;

    private RecordReader(Iterator<? extends Map<String, ?>> records, AutoCloseable resource, InboundApi used) {
        this.records = records;
        this.resource = resource;
        this.used = used;
    }

    /** @param includeDeleted queryAll: deleted records come back with IsDeleted = true */
    static RecordReader open(SalesforceClient client, String soql, boolean includeDeleted, InboundApi api) {
        return open(client, soql, includeDeleted, api, Integer.MAX_VALUE);
    }

    /**
     * @param idRangeSize with {@link InboundApi#AUTO}, more records than this are read in Id ranges of this size,
     *                    one Bulk query job each ({@link IdRangeRecords})
     */
    public static RecordReader open(SalesforceClient client, String soql, boolean includeDeleted, InboundApi api, int idRangeSize) {
        return open(client, soql, includeDeleted, api, idRangeSize, 0);
    }

    /** @param pkChunkSize with {@link InboundApi#BULK1}, the Ids per PK chunk */
    static RecordReader open(SalesforceClient client, String soql, boolean includeDeleted, InboundApi api, int idRangeSize, int pkChunkSize) {
        if (api == InboundApi.BULK1) {
            Bulk1QueryRows rows = client.bulk1().query(objectOf(soql), soql, includeDeleted, pkChunkSize);
            return new RecordReader(rows, rows, InboundApi.BULK1);
        }
        if (api == InboundApi.BULK2) {
            return bulk(client, soql, includeDeleted);
        }
        RecordStream rest = client.rest().query(soql, includeDeleted, REST_PAGE);
        if (api == InboundApi.AUTO && rest.totalSize() > idRangeSize) {
            rest.close();
            IdRangeRecords ranges = new IdRangeRecords(client, soql, includeDeleted, idRangeSize);
            return new RecordReader(ranges, ranges, InboundApi.BULK2);
        }
        if (api == InboundApi.AUTO && rest.totalSize() >= InboundApi.BULK_THRESHOLD) {
            rest.close();
            return bulk(client, soql, includeDeleted);
        }
        return new RecordReader(rest, rest, InboundApi.REST);
    }

    private static RecordReader bulk(SalesforceClient client, String soql, boolean includeDeleted) {
        QueryRows rows = client.bulk2().query(soql, includeDeleted, QueryRows.DEFAULT_PAGE_SIZE);
        return new RecordReader(rows, rows, InboundApi.BULK2);
    }

    /** The object of {@code SELECT … FROM Object [WHERE …]}, which a Bulk API 1.0 job names apart from its query. */
    static String objectOf(String soql) {
        java.util.regex.Matcher from = java.util.regex.Pattern.compile("(?i)\\sFROM\\s+([A-Za-z0-9_]+)").matcher(soql);
        if (!from.find()) {
            throw new IllegalArgumentException("no FROM in " + soql);
        }
        return from.group(1);
    }

    /** The API the records are read through: with {@link InboundApi#AUTO}, the one the count chose. */
    public InboundApi used() {
        return used;
    }

    @Override
    public boolean hasNext() {
        return records.hasNext();
    }

    @Override
    public Map<String, ?> next() {
        return records.next();
    }

    @Override
    public void close() {
        try {
            resource.close();
        } catch (Exception e) {
            // Closing frees a connection or a spool file; the records were read or the run failed already.
        }
    }
}
