package dev.sfsync.emulator.write;

import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.PersonAccounts;
import dev.sfsync.emulator.org.RecordStore;
import dev.sfsync.emulator.org.RecordTypes;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.org.SystemFields;
import dev.sfsync.emulator.org.UserAccount;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Accounts in an org with person accounts. A person account (record type of the person kind) takes LastName (required)
 * and FirstName, not Name, which Salesforce derives; it gets IsPersonAccount and a person Contact (PersonContactId)
 * carrying its name and email. A business account still needs Name and may not set person fields.
 */
final class PersonAccountHook implements RecordHook {
    @Override
    public Optional<RecordError> beforeWrite(Org org, UserAccount user, ObjectSchema schema, StoredRecord previous, Map<String, Object> next) {
        boolean person = isPersonType(org, next.get(RecordTypes.FIELD));
        if (previous != null && Boolean.TRUE.equals(previous.get("IsPersonAccount")) != person) {
            return Optional.of(RecordError.of("INVALID_FIELD_FOR_INSERT_UPDATE", "Cannot change the record type of a "
                    + (person ? "business account to a person" : "person account to a business") + " account type through this call", RecordTypes.FIELD));
        }
        if (!person) {
            for (Map.Entry<String, Object> entry : next.entrySet()) {
                if (entry.getValue() != null && PersonAccounts.personField(entry.getKey())) {
                    return Optional.of(RecordError.of("INVALID_FIELD_FOR_INSERT_UPDATE", "Business Account may not use Person Account field "
                            + entry.getKey(), entry.getKey()));
                }
            }
            if (next.get("Name") == null) {
                return Optional.of(RecordError.of("REQUIRED_FIELD_MISSING", "Required fields are missing: [Name]", "Name"));
            }
            next.put("IsPersonAccount", false);
            return Optional.empty();
        }
        Object last = next.get("LastName");
        if (last == null || last.toString().isBlank()) {
            return Optional.of(RecordError.of("REQUIRED_FIELD_MISSING", "Required fields are missing: [LastName]", "LastName"));
        }
        Object first = next.get("FirstName");
        if (previous == null && next.get("Name") != null && !next.get("Name").equals(fullName(first, last))) {
            return Optional.of(RecordError.of("INVALID_FIELD_FOR_INSERT_UPDATE", "Person Account may not set Name: it is made of FirstName and LastName",
                    "Name"));
        }
        next.put("Name", fullName(first, last));
        next.put("IsPersonAccount", true);
        return Optional.empty();
    }

    /** A new person account gets its person Contact; a rollback of the account takes the Contact away again. */
    @Override
    public void afterWrite(Org org, StoredRecord before, StoredRecord after) {
        RecordStore contacts = org.store("Contact").orElseThrow();
        if (before == null && after != null && Boolean.TRUE.equals(after.get("IsPersonAccount")) && after.get("PersonContactId") == null) {
            String contactId = org.ids().next(contacts.schema().keyPrefix());
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("LastName", after.get("LastName"));
            values.put("FirstName", after.get("FirstName"));
            values.put("Name", after.get("Name"));
            values.put("Email", after.get("PersonEmail"));
            values.put("AccountId", after.id());
            String owner = (String) after.get("OwnerId");
            contacts.put(new StoredRecord(contactId, contacts.schema(), SystemFields.stamp(values, contactId, owner, org.clock().instant(), true)));
            LinkedHashMap<String, Object> account = new LinkedHashMap<>(after.values());
            account.put("PersonContactId", contactId);
            org.store(after.objectName()).orElseThrow().put(StoredRecord.adopting(after.id(), after.schema(), account));
        } else if (before != null && after == null && before.get("PersonContactId") != null) {
            contacts.remove(before.get("PersonContactId").toString());
        }
    }

    private static boolean isPersonType(Org org, Object recordTypeId) {
        if (recordTypeId == null) {
            return false;
        }
        List<RecordTypes.Type> types = RecordTypes.of(org, "Account");
        return types.stream().anyMatch(t -> t.id().equals(recordTypeId.toString()) && t.personType());
    }

    private static String fullName(Object first, Object last) {
        return ((first == null ? "" : first + " ") + last).trim();
    }
}
