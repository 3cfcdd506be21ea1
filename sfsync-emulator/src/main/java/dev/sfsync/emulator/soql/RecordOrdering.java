package dev.sfsync.emulator.soql;

import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.soql.SoqlQuery.OrderItem;

import java.util.Comparator;
import java.util.List;

/** ORDER BY as a comparator; ties keep id order because the sort is stable. */
final class RecordOrdering {
    private RecordOrdering() {
    }

    static Comparator<StoredRecord> of(List<OrderItem> items, ObjectSchema object, FieldResolver resolver, Org org) {
        Comparator<StoredRecord> combined = null;
        for (OrderItem item : items) {
            Comparator<StoredRecord> next = one(resolver.resolve(object, item.path()), item, org);
            combined = combined == null ? next : combined.thenComparing(next);
        }
        return combined;
    }

    private static Comparator<StoredRecord> one(ResolvedField field, OrderItem item, Org org) {
        ValueKind kind = ValueKind.of(field.field());
        return (a, b) -> compare(kind, item, field.value(a, org), field.value(b, org));
    }

    /** Two values in the item's direction, nulls first or last as it says. */
    static int compare(ValueKind kind, OrderItem item, Object left, Object right) {
        if (left == null || right == null) {
            if (left == right) {
                return 0;
            }
            return (left == null) == item.nullsFirst() ? -1 : 1;
        }
        int compared = kind.compare(left, right);
        return item.descending() ? -compared : compared;
    }
}
