package dev.sfsync.emulator.soap;

import dev.sfsync.emulator.EmulatorTest;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MetadataListTest extends EmulatorTest {

    @Test
    void describe_metadata_lists_types_with_their_folders_and_suffixes() {
        SoapCall.Answer answer = call("describeMetadata", "<asOfVersion>60.0</asOfVersion>");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        Element result = answer.elements("result").getFirst();
        assertThat(SoapCall.childNames(result)).endsWith("metadataObjects", "organizationNamespace", "partialSaveAllowed", "testRequired");
        Element customObject = answer.elements("metadataObjects").stream()
                .filter(e -> "CustomObject".equals(SoapCall.childText(e, "xmlName"))).findFirst().orElseThrow();
        assertThat(SoapCall.childText(customObject, "directoryName")).isEqualTo("objects");
        assertThat(SoapCall.childText(customObject, "suffix")).isEqualTo("object");
        assertThat(SoapCall.childNames(customObject)).startsWith("childXmlNames").endsWith("directoryName", "inFolder", "metaFile", "suffix", "xmlName");
    }

    @Test
    void list_metadata_lists_objects_and_custom_fields_as_file_properties() {
        SoapCall.Answer answer = call("listMetadata", "<queries><type>CustomField</type></queries><queries><type>ApexClass</type></queries>"
                + "<asOfVersion>60.0</asOfVersion>");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<String> names = answer.texts("fullName");
        assertThat(names).contains("Account.Tier__c", "Account.External_Key__c").noneMatch(n -> n.endsWith(".Name"));
        Element first = answer.elements("result").getFirst();
        assertThat(SoapCall.childNames(first)).containsExactly("createdById", "createdByName", "createdDate", "fileName", "fullName", "id",
                "lastModifiedById", "lastModifiedByName", "lastModifiedDate", "manageableState", "type");
        assertThat(SoapCall.childText(first, "id")).startsWith("00N");
        assertThat(SoapCall.childText(first, "fileName")).isEqualTo("objects/Account.object");

        List<String> again = call("listMetadata", "<queries><type>CustomField</type></queries>").texts("id");
        assertThat(again).isEqualTo(answer.texts("id"));
        assertThat(call("listMetadata", "<queries><type>CustomObject</type></queries>").texts("fullName")).contains("Account", "Contact");
    }

    @Test
    void list_metadata_refuses_an_unknown_type() {
        SoapCall.Answer answer = call("listMetadata", "<queries><type>Nonsense</type></queries>");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.text("faultcode")).isEqualTo("sf:INVALID_TYPE");
        assertThat(answer.text("faultstring")).contains("Unknown type name 'Nonsense'");
    }

    private SoapCall.Answer call(String operation, String content) {
        return SoapCall.post(http, "/services/Soap/m/60.0", SoapCall.envelope(SoapCall.METADATA, http.token(),
                "<" + operation + ">" + content + "</" + operation + ">"));
    }
}
