package dev.sfsync.engine.validate;

import dev.sfsync.engine.sync.FieldMapping;
import dev.sfsync.engine.sync.SyncDefinition;
import dev.sfsync.engine.sync.SyncMode;
import dev.sfsync.salesforce.describe.SObjectDescribe;

import java.util.List;
import java.util.Locale;

/**
 * Account syncs that write person accounts (they map LastName, FirstName, PersonEmail or {@code __pc} fields): the org
 * must have person accounts, the sync names the person record type, and it maps LastName, not Name, since a person
 * account's name is made of FirstName and LastName (the seed's "map LastName, not FullName").
 */
final class PersonAccountCheck {
    private static final List<String> PERSON_FIELDS = List.of("firstname", "lastname", "salutation", "personemail", "personmobilephone");

    private PersonAccountCheck() {
    }

    static void check(SyncDefinition sync, SObjectDescribe object, RecordTypeCheck.Problems problems) {
        if (!object.name().equals("Account")) {
            return;
        }
        List<FieldMapping> person = sync.mappings().stream().filter(m -> isPersonField(m.field())).toList();
        if (person.isEmpty()) {
            return;
        }
        String at = "syncs." + sync.name() + ".mappings";
        if (object.field("IsPersonAccount").isEmpty()) {
            problems.add(at, "mappings to " + String.join(", ", person.stream().map(FieldMapping::field).toList()) + " write person accounts, which"
                    + " this org does not have (person account fields exist only once Salesforce enables them)",
                    "ask Salesforce support to enable person accounts, or sync people into Contact (and their companies into Account)");
            return;
        }
        if (sync.options().recordType().isEmpty()) {
            problems.add("syncs." + sync.name() + ".record_type", "person account fields are mapped, but records get a business record type"
                    + " unless the sync names the person account one", "set 'record_type: PersonAccount' (your person account record type's developer name)");
        }
        boolean creates = sync.mode() == SyncMode.INSERT || sync.mode() == SyncMode.UPSERT;
        boolean lastName = sync.mappings().stream().anyMatch(m -> m.field().equalsIgnoreCase("LastName"));
        boolean name = sync.mappings().stream().anyMatch(m -> m.field().equalsIgnoreCase("Name"));
        if (name) {
            problems.add(at, "a person account's Name is made of its FirstName and LastName, so Salesforce refuses a full name in Name",
                    "map LastName (and FirstName), not the full name: split it in the model if needed");
        } else if (creates && !lastName) {
            problems.add(at, "person accounts need LastName to be created; the sync maps person fields but no LastName",
                    "add '- {from: <last name column>, to: LastName}' (map LastName, not the full name)");
        }
    }

    private static boolean isPersonField(String field) {
        String lower = field.toLowerCase(Locale.ROOT);
        return lower.endsWith("__pc") || PERSON_FIELDS.contains(lower);
    }
}
