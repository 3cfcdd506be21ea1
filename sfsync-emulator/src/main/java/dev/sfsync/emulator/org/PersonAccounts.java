package dev.sfsync.emulator.org;

import java.util.ArrayList;
import java.util.List;

import static dev.sfsync.emulator.org.FieldType.BOOLEAN;
import static dev.sfsync.emulator.org.FieldType.EMAIL;
import static dev.sfsync.emulator.org.FieldType.PHONE;
import static dev.sfsync.emulator.org.FieldType.REFERENCE;
import static dev.sfsync.emulator.org.FieldType.STRING;

/**
 * Person accounts (an org file's {@code objects.Account.personAccounts: true}): Account gains IsPersonAccount,
 * PersonContactId, the person name fields, PersonEmail and PersonMobilePhone, and a {@code X__pc} field for each
 * custom Contact field {@code X__c}; Name is derived for person accounts, so it is no longer required by the describe
 * (business accounts still need it, which the write hook checks). A person account is one whose record type is of
 * the person kind (RecordType.IsPersonType).
 */
public final class PersonAccounts {
    /** The record type an org with person accounts gets when its file names none of the person kind. */
    public static final String RECORD_TYPE = "PersonAccount";

    private PersonAccounts() {
    }

    public static ObjectSchema enable(ObjectSchema account, ObjectSchema contact) {
        List<FieldSchema> fields = new ArrayList<>();
        for (FieldSchema field : account.fields()) {
            fields.add(field.name().equals("Name")
                    ? FieldSchema.builder("Name", STRING).label("Account Name").length(255).nillable(false).defaultedOnCreate(true).nameField().build()
                    : field);
        }
        fields.add(FieldSchema.builder("IsPersonAccount", BOOLEAN).label("Is Person Account").readOnly().build());
        fields.add(FieldSchema.builder("PersonContactId", REFERENCE).label("Person Contact ID").readOnly().references("Contact", "PersonContact").build());
        fields.add(FieldSchema.builder("FirstName", STRING).length(40).label("First Name").build());
        fields.add(FieldSchema.builder("LastName", STRING).length(80).label("Last Name").build());
        fields.add(FieldSchema.builder("Salutation", STRING).length(40).build());
        fields.add(FieldSchema.builder("PersonEmail", EMAIL).label("Email").build());
        fields.add(FieldSchema.builder("PersonMobilePhone", PHONE).label("Mobile").build());
        for (FieldSchema field : contact.fields()) {
            if (field.custom() && field.name().endsWith("__c") && !field.autoNumber() && !field.calculated()) {
                FieldSchema.Builder copy = FieldSchema.builder(field.name().substring(0, field.name().length() - 1) + "pc", field.type())
                        .label(field.label()).length(field.length()).precision(field.precision()).scale(field.scale()).custom(true);
                if (field.picklistValues() != null && !field.picklistValues().isEmpty()) {
                    copy.picklist(field.picklistValues(), field.restrictedPicklist());
                }
                fields.add(copy.build());
            }
        }
        return new ObjectSchema(account.name(), account.label(), account.labelPlural(), account.keyPrefix(), false, fields, account.validationRules(),
                account.sharingModel());
    }

    /** Whether a field of Account belongs to the person half (refused on business accounts). */
    public static boolean personField(String field) {
        return field.endsWith("__pc") || List.of("FirstName", "LastName", "Salutation", "PersonEmail", "PersonMobilePhone").contains(field);
    }
}
