package dev.sfsync.engine.twoway;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A two-way sync: rows of a table paired with records of an object, each mapped field flowing inbound, outbound or
 * both ways. Rows find their records by the Salesforce Id stored in {@code idColumn}, else by the match column
 * against the match field (email without regard to case; an external ID exactly).
 *
 * @param updatedAtColumn when the row last changed, for {@link ConflictRule#LATEST_WINS}
 */
public record TwoWaySyncDefinition(String name, String connection, String object, String source, String table, String keyColumn,
                                   String idColumn, String matchColumn, String matchField, ConflictRule conflict,
                                   Optional<String> updatedAtColumn, List<TwoWayMapping> mappings) {
    public TwoWaySyncDefinition {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(object, "object is null");
        Objects.requireNonNull(table, "table is null");
        Objects.requireNonNull(conflict, "conflict is null");
        mappings = List.copyOf(mappings);
    }

    /** Emails match without regard to case, as SourceLoop and Salesforce's own duplicate rules match them. */
    public boolean matchesByEmail() {
        return matchField.equalsIgnoreCase("Email");
    }
}
