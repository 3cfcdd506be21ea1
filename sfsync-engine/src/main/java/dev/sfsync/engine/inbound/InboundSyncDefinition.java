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
 */
public record InboundSyncDefinition(String name, String connection, String object, String source, String table, List<String> fields,
                                    Optional<String> filter, boolean includeDeleted, InboundApi api, Duration lookback) {
    public static final Duration DEFAULT_LOOKBACK = Duration.ofMinutes(5);

    public InboundSyncDefinition {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(connection, "connection is null");
        Objects.requireNonNull(object, "object is null");
        Objects.requireNonNull(source, "source is null");
        Objects.requireNonNull(table, "table is null");
        fields = List.copyOf(fields);
        Objects.requireNonNull(filter, "filter is null");
        Objects.requireNonNull(api, "api is null");
        if (lookback.isNegative()) {
            throw new IllegalArgumentException("lookback is negative: " + lookback);
        }
    }

    public boolean allFields() {
        return fields.isEmpty();
    }
}
