package dev.sfsync.engine.inbound;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An inbound sync: a Salesforce object copied into a table of a project source, first whole (the initial sync),
 * then by what changed since the cursor (delta syncs).
 *
 * @param fields         the fields to bring, as written in the file; empty means every field the user can read
 * @param filter         a SOQL condition records must meet (the WHERE clause without WHERE)
 * @param includeDeleted keep deleted records as rows with isdeleted = true (tombstones) instead of removing them
 * @param lookback       how far behind the cursor each delta re-reads, for transactions that commit late
 * @param idRangeSize    with {@code api: auto}, a query matching more records than this is read in ranges of Ids of this size
 * @param pkChunkSize    with {@code api: bulk1}, the Ids per PK chunk (1 to 250,000, Salesforce's limits)
 */
public record InboundSyncDefinition(String name, String connection, String object, String source, String table, List<String> fields,
                                    Optional<String> filter, boolean includeDeleted, InboundApi api, Duration lookback, int idRangeSize,
                                    int pkChunkSize) {
    public static final Duration DEFAULT_LOOKBACK = Duration.ofMinutes(5);
    public static final int DEFAULT_ID_RANGE_SIZE = 1_000_000;
    /** Salesforce's own default for PK chunking. */
    public static final int DEFAULT_PK_CHUNK_SIZE = 100_000;

    /** A sync with the default Id range size. */
    public InboundSyncDefinition(String name, String connection, String object, String source, String table, List<String> fields,
                                 Optional<String> filter, boolean includeDeleted, InboundApi api, Duration lookback) {
        this(name, connection, object, source, table, fields, filter, includeDeleted, api, lookback, DEFAULT_ID_RANGE_SIZE, DEFAULT_PK_CHUNK_SIZE);
    }

    public InboundSyncDefinition {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(connection, "connection is null");
        Objects.requireNonNull(object, "object is null");
        Objects.requireNonNull(source, "source is null");
        Objects.requireNonNull(table, "table is null");
        fields = List.copyOf(fields);
        Objects.requireNonNull(filter, "filter is null");
        Objects.requireNonNull(api, "api is null");
        if (idRangeSize < 1) {
            throw new IllegalArgumentException("idRangeSize is not positive: " + idRangeSize);
        }
        if (pkChunkSize < 1 || pkChunkSize > 250_000) {
            throw new IllegalArgumentException("pkChunkSize is outside 1 to 250,000: " + pkChunkSize);
        }
        if (lookback.isNegative()) {
            throw new IllegalArgumentException("lookback is negative: " + lookback);
        }
    }

    public boolean allFields() {
        return fields.isEmpty();
    }
}
