package dev.sfsync.emulator.soql;

import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.StoredRecord;

import java.util.List;

/**
 * A field path checked against the schema: the relationships walked from the queried object (none for a plain
 * field) and the field at the end. {@code path} uses canonical names, e.g. Account.Owner.Name.
 */
public record ResolvedField(String path, List<Hop> hops, FieldSchema field, ObjectSchema object) {
    public ResolvedField {
        hops = List.copyOf(hops);
    }

    /** One step along a relationship: the reference field on the child and the object it points to. */
    public record Hop(FieldSchema reference, ObjectSchema target) {
        public String relationshipName() {
            return reference.relationshipName();
        }
    }

    /** The stored value for this record, or null when the field or any parent on the way is empty. */
    public Object value(StoredRecord record, Org org) {
        StoredRecord holder = record;
        for (Hop hop : hops) {
            holder = parent(holder, hop, org);
            if (holder == null) {
                return null;
            }
        }
        return holder.values().get(field.name());
    }

    /** The live record a reference points to, or null. */
    public static StoredRecord parent(StoredRecord child, Hop hop, Org org) {
        Object id = child.values().get(hop.reference().name());
        if (id == null) {
            return null;
        }
        return org.store(hop.target().name()).flatMap(s -> s.get(id.toString())).filter(r -> !r.isDeleted()).orElse(null);
    }
}
