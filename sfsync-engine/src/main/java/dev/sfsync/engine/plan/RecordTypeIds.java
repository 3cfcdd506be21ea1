package dev.sfsync.engine.plan;

import dev.sfsync.salesforce.describe.RecordTypeInfo;
import dev.sfsync.salesforce.describe.SObjectDescribe;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The record types a run may set, by developer name (case ignored), resolved once per run: the active RecordType rows of
 * the object that the connected user's profile is assigned.
 *
 * @param usable         developer name in lower case to record type Id
 * @param names          the usable developer names as Salesforce spells them, for messages
 * @param objectHasTypes the object has record types of its own (not only the master)
 * @param hasDefault     records created without a record type get the profile's default one
 */
public record RecordTypeIds(Map<String, String> usable, List<String> names, boolean objectHasTypes, boolean hasDefault) {
    public static final RecordTypeIds NONE = new RecordTypeIds(Map.of(), List.of(), false, true);

    public RecordTypeIds {
        usable = Map.copyOf(usable);
        names = List.copyOf(names);
    }

    /**
     * @param queried the object's active RecordType rows (Id and DeveloperName), from a query
     */
    public static RecordTypeIds of(SObjectDescribe object, Map<String, String> queried) {
        List<RecordTypeInfo> own = object.recordTypes().stream().filter(t -> !t.master()).toList();
        Map<String, String> usable = new TreeMap<>();
        List<String> names = new java.util.ArrayList<>();
        queried.forEach((name, id) -> {
            boolean available = own.stream().anyMatch(t -> t.developerName().equalsIgnoreCase(name) && t.available());
            if (available) {
                usable.put(name.toLowerCase(Locale.ROOT), id);
                names.add(name);
            }
        });
        boolean hasTypes = !own.isEmpty() || !queried.isEmpty();
        boolean hasDefault = !hasTypes || object.recordTypes().stream().anyMatch(RecordTypeInfo::defaultForUser);
        return new RecordTypeIds(usable, names, hasTypes, hasDefault);
    }

    public Optional<String> id(String developerName) {
        return Optional.ofNullable(usable.get(developerName.trim().toLowerCase(Locale.ROOT)));
    }
}
