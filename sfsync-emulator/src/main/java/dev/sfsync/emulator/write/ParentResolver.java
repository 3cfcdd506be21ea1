package dev.sfsync.emulator.write;

import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.Org;

import java.util.List;

/** Finds the Id of the parent a {@link ParentReference} names through one of the parent's external ID fields. */
final class ParentResolver {
    private ParentResolver() {
    }

    static String resolve(Org org, FieldSchema reference, ParentReference parent) throws InvalidValue {
        if (parent.value() == null || String.valueOf(parent.value()).isBlank()) {
            return null;
        }
        ObjectSchema target = org.schema(reference.referenceTo().getFirst()).orElseThrow();
        FieldSchema key = target.field(parent.externalIdField())
                .filter(f -> f.externalId() || f.idLookup())
                .orElseThrow(() -> new InvalidValue(RecordError.of("INVALID_FIELD", "Field " + parent.externalIdField()
                        + " is not an external ID or indexed field for " + target.name(), reference.name())));
        if (key.name().equals("Id")) {
            return ValueCoercer.coerce(reference, parent.value()).toString();
        }
        Object value = ValueCoercer.coerce(key, parent.value());
        List<String> found = org.store(target.name()).orElseThrow().findBy(key, value);
        if (found.isEmpty()) {
            throw new InvalidValue(RecordError.of("INVALID_FIELD", "Foreign key external ID: " + parent.value()
                    + " not found for field " + key.name() + " in entity " + target.name(), reference.name()));
        }
        if (found.size() > 1) {
            throw new InvalidValue(RecordError.of("DUPLICATE_EXTERNAL_ID", "Foreign key external ID: " + parent.value()
                    + " matches " + found.size() + " records of " + target.name() + " on " + key.name(), reference.name()));
        }
        return found.getFirst();
    }
}
