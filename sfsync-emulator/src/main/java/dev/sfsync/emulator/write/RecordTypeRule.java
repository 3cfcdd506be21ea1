package dev.sfsync.emulator.write;

import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.Profile;
import dev.sfsync.emulator.org.RecordTypes;
import dev.sfsync.emulator.org.SalesforceIds;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Salesforce checks of RecordTypeId on an object with record types: a given one must be active, of this object
 * and available to the user's profile; a record created without one gets the profile's default, and a profile without a
 * default cannot create one.
 */
final class RecordTypeRule {
    private RecordTypeRule() {
    }

    static void apply(Org org, Profile profile, ObjectSchema schema, Map<String, Object> values, boolean creating, boolean given) throws InvalidValue {
        if (schema.field(RecordTypes.FIELD).isEmpty()) {
            return;
        }
        List<RecordTypes.Type> types = RecordTypes.of(org, schema.name());
        if (types.isEmpty()) {
            return;
        }
        Object value = values.get(RecordTypes.FIELD);
        if (value == null) {
            // Person account record types are never a default: a record without one is a business record (master type).
            if (!creating || types.stream().allMatch(RecordTypes.Type::personType)) {
                return;
            }
            Optional<RecordTypes.Type> fallback = RecordTypes.defaultFor(profile, types);
            if (fallback.isEmpty()) {
                throw new InvalidValue(RecordError.of("INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: RecordTypeId."
                        + " The user's profile has no default record type for " + schema.name() + ", so a record without one cannot be created.",
                        RecordTypes.FIELD));
            }
            values.put(RecordTypes.FIELD, fallback.get().id());
            return;
        }
        if (!given) {
            return;
        }
        String id = SalesforceIds.normalize(value.toString()).orElse(value.toString());
        boolean usable = types.stream().anyMatch(t -> t.id().equals(id) && RecordTypes.available(profile, t));
        if (!usable) {
            throw new InvalidValue(RecordError.of("INVALID_CROSS_REFERENCE_KEY", "Record Type ID: this ID value isn't valid for the user: " + value,
                    RecordTypes.FIELD));
        }
    }
}
