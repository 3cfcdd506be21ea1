package dev.sfsync.emulator.soql;

import dev.sfsync.emulator.org.StoredRecord;

import java.util.List;
import java.util.Map;

/**
 * What a query matched. {@code records} holds the stored versions themselves, not copies, in result order (empty
 * for COUNT() and aggregates); {@code totalSize} is what the REST API reports; {@code aggregate} maps each COUNT(field)
 * alias to its count, in SELECT order, and is empty otherwise.
 */
public record SoqlResult(SoqlPlan plan, List<StoredRecord> records, int totalSize, Map<String, Long> aggregate) {
    public SoqlResult {
        records = List.copyOf(records);
        aggregate = aggregate == null ? Map.of() : aggregate;
    }
}
