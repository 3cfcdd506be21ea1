package dev.sfsync.salesforce.metadata;

import dev.sfsync.salesforce.Contract;
import dev.sfsync.salesforce.error.ErrorKind;
import dev.sfsync.salesforce.error.SalesforceError;
import dev.sfsync.salesforce.internal.ErrorResponses;
import dev.sfsync.salesforce.internal.Soap;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Metadata API's documented SOAP shapes, and the XML this client sends. */
class MetadataResponsesContractTest {
    @Test
    void save_results_carry_per_component_errors() {
        List<MetadataResult> results = Soap.descendants(Soap.parse(Contract.bytes("soap/create-metadata-response.xml")), "result").stream()
                .map(MetadataClient::result).toList();

        assertThat(results.get(0)).isEqualTo(new MetadataResult("Account.ERP_Key__c", true, false, List.of()));
        assertThat(results.get(1).success()).isFalse();
        assertThat(results.get(1).firstError()).isEqualTo(new SalesforceError("FIELD_INTEGRITY_EXCEPTION", "Length must be between 1 and 255", List.of("length")));
        MetadataResult upserted = MetadataClient.result(Soap.descendants(Soap.parse(Contract.bytes("soap/upsert-metadata-response.xml")), "result").getFirst());
        assertThat(upserted.created()).isFalse();
        assertThat(upserted.success()).isTrue();
    }

    @Test
    void a_read_field_gives_its_picklist_values_and_flags() {
        CustomFieldDefinition field = CustomFieldDefinition.of(Soap.descendants(Soap.parse(Contract.bytes("soap/read-metadata-response.xml")), "records").getFirst());

        assertThat(field.fullName()).isEqualTo("Account.Segment__c");
        assertThat(field.type()).isEqualTo("Picklist");
        assertThat(field.picklistValues()).containsExactly("Enterprise", "SMB");
        assertThat(field.restrictedPicklist()).isTrue();
        assertThat(field.externalId()).isFalse();
    }

    @Test
    void field_xml_lists_elements_in_the_schemas_order() {
        String xml = MetadataXml.customField(CustomFieldSpec.text("Account", "ERP_Key__c", "ERP key", 50).externalId(true).unique(true).required(true)
                .description("from the ERP"));

        assertThat(xml).isEqualTo("<metadata xsi:type=\"CustomField\"><fullName>Account.ERP_Key__c</fullName><description>from the ERP</description>"
                + "<externalId>true</externalId><label>ERP key</label><length>50</length><required>true</required><type>Text</type>"
                + "<unique>true</unique></metadata>");
        assertThat(MetadataXml.customField(CustomFieldSpec.picklist("Account", "Tier__c", "Tier", List.of("A&B"), true)))
                .contains("<valueSet><restricted>true</restricted><valueSetDefinition><sorted>false</sorted><value><fullName>A&amp;B</fullName>"
                        + "<default>false</default><label>A&amp;B</label></value></valueSetDefinition></valueSet>");
    }

    @Test
    void a_soap_fault_for_an_expired_session_reads_as_one_the_client_refreshes() {
        var failure = ErrorResponses.failure("POST /services/Soap/m/62.0", 500, Contract.bytes("soap/fault-invalid-session.xml"));

        assertThat(failure.errors().getFirst().code()).isEqualTo("INVALID_SESSION_ID");
        assertThat(failure.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
    }
}
