package dev.sfsync.emulator.org;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.sfsync.emulator.org.FieldType.BOOLEAN;
import static dev.sfsync.emulator.org.FieldType.STRING;
import static dev.sfsync.emulator.org.FieldType.TEXTAREA;

/**
 * Record types: the RecordType object (one record per record type, as SOQL sees them), the {@code RecordTypeId} field an
 * object gains once it has one, and which of them a profile may use and gives by default.
 */
public final class RecordTypes {
    public static final String OBJECT = "RecordType";
    public static final String FIELD = "RecordTypeId";
    /** The Id Salesforce gives the master record type of every object. */
    public static final String MASTER_ID = "012000000000000AAA";

    /** One record type as the org holds it. */
    public record Type(String id, String object, String developerName, String label, boolean active, boolean personType) {
    }

    private RecordTypes() {
    }

    public static ObjectSchema schema() {
        List<FieldSchema> f = new ArrayList<>(BuiltInObjects.systemFields(false));
        f.add(FieldSchema.builder("Name", STRING).length(80).label("Record Type Label").required().nameField().build());
        f.add(FieldSchema.builder("DeveloperName", STRING).length(80).label("Record Type Name").required().build());
        f.add(FieldSchema.builder("SobjectType", STRING).length(40).label("SObject Type Name").required().updateable(false).build());
        f.add(FieldSchema.builder("IsActive", BOOLEAN).label("Active").defaultValue(Boolean.TRUE).build());
        f.add(FieldSchema.builder("IsPersonType", BOOLEAN).label("Is Person Type").updateable(false).defaultValue(Boolean.FALSE).build());
        f.add(FieldSchema.builder("Description", TEXTAREA).length(255).build());
        f.add(FieldSchema.builder("NamespacePrefix", STRING).length(15).readOnly().build());
        return new ObjectSchema(OBJECT, "Record Type", "Record Types", "012", false, f, List.of());
    }

    /** The field an object with record types has, referencing RecordType. */
    public static FieldSchema field() {
        return FieldSchema.builder(FIELD, FieldType.REFERENCE).label("Record Type ID").references(OBJECT, "RecordType").build();
    }

    /** The record types of an object, in the order they were created. */
    public static List<Type> of(Org org, String object) {
        List<Type> types = new ArrayList<>();
        org.store(OBJECT).ifPresent(store -> store.all().forEach(r -> {
            Map<String, Object> v = r.values();
            if (!r.isDeleted() && object.equalsIgnoreCase(String.valueOf(v.get("SobjectType")))) {
                types.add(new Type(r.id(), String.valueOf(v.get("SobjectType")), String.valueOf(v.get("DeveloperName")),
                        String.valueOf(v.get("Name")), Boolean.TRUE.equals(v.get("IsActive")), Boolean.TRUE.equals(v.get("IsPersonType"))));
            }
        }));
        return types;
    }

    /** Whether the profile may give records of this object this record type. */
    public static boolean available(Profile profile, Type type) {
        return type.active() && profile.recordTypes(type.object()).map(a -> a.available().contains(type.developerName().toLowerCase(java.util.Locale.ROOT)))
                .orElse(true);
    }

    /** The record type a record created by the profile gets when none is given; empty when the profile has none. */
    public static Optional<Type> defaultFor(Profile profile, List<Type> types) {
        if (types.isEmpty()) {
            return Optional.empty();
        }
        Optional<Profile.RecordTypeAssignment> assignment = profile.recordTypes(types.getFirst().object());
        if (assignment.isEmpty()) {
            return types.stream().filter(t -> t.active() && !t.personType()).findFirst();
        }
        String name = assignment.get().defaultName();
        return name == null ? Optional.empty()
                : types.stream().filter(t -> t.active() && t.developerName().equalsIgnoreCase(name)).findFirst();
    }
}
