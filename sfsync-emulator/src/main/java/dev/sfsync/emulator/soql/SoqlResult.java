package dev.sfsync.emulator.soql;

import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.StoredRecord;

import java.util.List;

/**
 * What a query matched. {@code records} holds the stored versions themselves, not copies, in result order (empty
 * for COUNT() and aggregate queries); {@code totalSize} is what the APIs report; {@code aggregateRows} are the rows of
 * an aggregate query (AggregateResult records), empty otherwise.
 */
public record SoqlResult(SoqlPlan plan, List<StoredRecord> records, int totalSize, List<AggregateRow> aggregateRows) {
    public SoqlResult {
        records = List.copyOf(records);
        aggregateRows = aggregateRows == null ? List.of() : List.copyOf(aggregateRows);
    }

    /** One AggregateResult: its values in SELECT order. */
    public record AggregateRow(List<AggregateValue> values) {
        public AggregateRow {
            values = List.copyOf(values);
        }
    }

    /**
     * One value of an AggregateResult under its name (alias, exprN or the grouped field's name). {@code value} is a Long
     * for counts, a BigDecimal for sums and averages, otherwise stored as the field stores it; {@code field} is the
     * field the value comes from (null for counts); {@code soapType} is the xsi:type the SOAP API gives it.
     */
    public record AggregateValue(String key, Object value, FieldSchema field, String soapType) {
    }
}
