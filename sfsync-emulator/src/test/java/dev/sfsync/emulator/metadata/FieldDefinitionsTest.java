package dev.sfsync.emulator.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.FieldType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FieldDefinitionsTest extends EmulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FieldDefinitions fields() {
        return new FieldDefinitions(host.org());
    }

    private static CustomFieldSpec spec(String fullName, Map<String, Object> metadata) {
        JsonNode node = JSON.valueToTree(metadata);
        return CustomFieldSpec.read(fullName, node);
    }

    @Test
    void each_supported_type_becomes_the_field_salesforce_describes() {
        assertThat(fields().create(spec("Account.Notes__c", Map.of("type", "LongTextArea", "label", "Notes", "length", 5000, "visibleLines", 3)))
                .success()).isTrue();
        assertThat(fields().create(spec("Account.Price__c", Map.of("type", "Currency", "label", "Price", "precision", 10, "scale", 2)))
                .success()).isTrue();
        assertThat(fields().create(spec("Account.Main_Contact__c", Map.of("type", "Lookup", "label", "Main Contact",
                "referenceTo", "Contact", "relationshipName", "Main_Accounts"))).success()).isTrue();
        assertThat(fields().create(spec("Account.Regions2__c", Map.of("type", "MultiselectPicklist", "label", "Regions", "visibleLines", 4,
                "valueSet", Map.of("valueSetDefinition", Map.of("value", Map.of("fullName", "EMEA")))))).success()).isTrue();
        assertThat(fields().create(spec("Account.Mail__c", Map.of("type", "Email", "label", "Mail", "required", true))).success()).isTrue();

        var account = host.org().schema("Account").orElseThrow();
        FieldSchema notes = account.field("Notes__c").orElseThrow();
        assertThat(notes.type()).isEqualTo(FieldType.TEXTAREA);
        assertThat(notes.length()).isEqualTo(5000);
        FieldSchema price = account.field("Price__c").orElseThrow();
        assertThat(price.type()).isEqualTo(FieldType.CURRENCY);
        assertThat(price.precision()).isEqualTo(10);
        FieldSchema lookup = account.field("Main_Contact__c").orElseThrow();
        assertThat(lookup.referenceTo()).containsExactly("Contact");
        assertThat(lookup.relationshipName()).isEqualTo("Main_Contact__r");
        assertThat(account.field("Regions2__c").orElseThrow().picklistValues()).hasSize(1);
        assertThat(account.field("Mail__c").orElseThrow().nillable()).isFalse();
        assertThat(CustomFieldView.of(account, notes)).containsEntry("type", "LongTextArea").containsEntry("length", 5000);
    }

    @Test
    void type_rules_are_checked_with_a_clear_error() {
        assertThat(error(spec("Account.A__c", Map.of("type", "LongTextArea", "label", "A", "length", 5000)))).contains("visibleLines");
        assertThat(error(spec("Account.B__c", Map.of("type", "Checkbox", "label", "B")))).contains("defaultValue");
        assertThat(error(spec("Account.C__c", Map.of("type", "Number", "label", "C", "precision", 5, "scale", 6)))).contains("scale");
        assertThat(error(spec("Account.D__c", Map.of("type", "Date", "label", "D", "externalId", true)))).contains("External ID");
        assertThat(error(spec("Account.E__c", Map.of("type", "Lookup", "label", "E", "referenceTo", "Nope__c", "relationshipName", "Es"))))
                .contains("no CustomObject named Nope__c");
        assertThat(error(spec("Account.F__c", Map.of("type", "Formula", "label", "F")))).contains("not a field type the emulator supports");
        assertThat(error(spec("Account.Bad__Name__c", Map.of("type", "Date", "label", "G")))).contains("is not valid");
        assertThat(error(spec("AccountOnly", Map.of("type", "Date", "label", "H")))).contains("must name the object and the field");
    }

    @Test
    void updates_that_would_leave_stored_values_wrong_are_refused() {
        fields().create(spec("Account.Code2__c", Map.of("type", "Text", "label", "Code", "length", 10)));
        http.post(data("/sobjects/Account"), Map.of("Name", "a", "Code2__c", "X"));
        http.post(data("/sobjects/Account"), Map.of("Name", "b", "Code2__c", "x"));

        MetadataResult retype = fields().update(spec("Account.Code2__c", Map.of("type", "Number", "label", "Code", "precision", 5, "scale", 0)));
        assertThat(retype.success()).isFalse();
        assertThat(retype.errors().getFirst().message()).contains("from Text to Number while records hold values");
        MetadataResult unique = fields().update(spec("Account.Code2__c", Map.of("type", "Text", "label", "Code", "length", 10, "unique", true)));
        assertThat(unique.errors().getFirst().statusCode()).isEqualTo("DUPLICATE_VALUE");
        MetadataResult standard = fields().update(spec("Account.Name", Map.of("type", "Text", "label", "Name", "length", 10)));
        assertThat(standard.errors().getFirst().message()).contains("standard field");
    }

    private String error(CustomFieldSpec spec) {
        MetadataResult result = fields().create(spec);
        assertThat(result.success()).as(spec.fullName()).isFalse();
        return result.errors().getFirst().message();
    }
}
