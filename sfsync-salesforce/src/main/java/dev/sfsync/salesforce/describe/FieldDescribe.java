package dev.sfsync.salesforce.describe;

import java.util.List;
import java.util.Optional;

/**
 * The parts of a field's describe that decide whether a value can be written: its type and size, whether it can be
 * set on create or update for this user, and its picklist values and references.
 *
 * @param type     Salesforce's field type: string, textarea, boolean, int, double, currency, percent, date, datetime,
 *                 picklist, multipicklist, reference, id, email, phone, url …
 * @param nillable whether the field can be left empty (false for required fields, and for checkboxes)
 */
public record FieldDescribe(String name, String label, String type, int length, int precision, int scale, boolean nillable,
                            boolean createable, boolean updateable, boolean defaultedOnCreate, boolean calculated, boolean autoNumber,
                            boolean externalId, boolean unique, boolean idLookup, boolean caseSensitive, boolean restrictedPicklist,
                            List<PicklistValue> picklistValues, List<String> referenceTo, String relationshipName) {
    public FieldDescribe {
        picklistValues = picklistValues == null ? List.of() : List.copyOf(picklistValues);
        referenceTo = referenceTo == null ? List.of() : List.copyOf(referenceTo);
    }

    /** Must a create send a value? (not nillable, not defaulted by Salesforce, and settable at all) */
    public boolean requiredOnCreate() {
        return createable && !nillable && !defaultedOnCreate && !"boolean".equals(type);
    }

    public Optional<String> relationship() {
        return Optional.ofNullable(relationshipName);
    }

    public List<String> activePicklistValues() {
        return picklistValues.stream().filter(PicklistValue::active).map(PicklistValue::value).toList();
    }
}
