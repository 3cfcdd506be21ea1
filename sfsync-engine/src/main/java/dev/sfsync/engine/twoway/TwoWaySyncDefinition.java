package dev.sfsync.engine.twoway;

import dev.sfsync.engine.inbound.InboundApi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A two-way sync: rows of a table paired with records of an object, each mapped field flowing inbound, outbound or
 * both ways. Rows find their records by the Salesforce Id stored in {@code idColumn}, else by the match column
 * against the match field (email without regard to case; an external ID exactly).
 *
 * @param updatedAtColumn when the row last changed, for {@link ConflictRule#LATEST_WINS}
 * @param api             how the object's records are read each run: REST query pages, a Bulk API 2.0 query job, or
 *                        (auto) chosen by their count as an inbound sync's initial read is
 */
public record TwoWaySyncDefinition(String name, String connection, String object, String source, String table, String keyColumn,
                                   String idColumn, String matchColumn, String matchField, ConflictRule conflict,
                                   Optional<String> updatedAtColumn, List<TwoWayMapping> mappings, InboundApi api) {
    public TwoWaySyncDefinition {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(object, "object is null");
        Objects.requireNonNull(table, "table is null");
        Objects.requireNonNull(conflict, "conflict is null");
        mappings = List.copyOf(mappings);
        Objects.requireNonNull(api, "api is null");
        if (api == InboundApi.BULK1) {
            throw new IllegalArgumentException("a two-way sync reads with auto, rest or bulk2, not bulk1");
        }
    }

    /** Emails match without regard to case, as SourceLoop and Salesforce's own duplicate rules match them. */
    public boolean matchesByEmail() {
        return matchField.equalsIgnoreCase("Email");
    }
}
