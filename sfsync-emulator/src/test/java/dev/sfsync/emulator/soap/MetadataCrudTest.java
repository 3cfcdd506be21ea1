package dev.sfsync.emulator.soap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class MetadataCrudTest extends EmulatorTest {
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    @Test
    void create_metadata_adds_a_live_field_that_only_modify_all_data_profiles_can_see_at_first() {
        SoapCall.Answer answer = call("createMetadata", component("Account.Region__c",
                "<label>Region</label><type>Text</type><length>40</length><externalId>true</externalId><unique>true</unique>"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        Element result = answer.elements("result").getFirst();
        assertThat(result.getParentNode().getLocalName()).isEqualTo("createMetadataResponse");
        assertThat(result.getNamespaceURI()).isEqualTo(SoapCall.METADATA);
        assertThat(SoapCall.childNames(result)).containsExactly("fullName", "success");
        assertThat(answer.text("fullName")).isEqualTo("Account.Region__c");
        assertThat(answer.text("success")).isEqualTo("true");

        JsonNode field = describeField("Account", "Region__c");
        assertThat(field.path("type").asText()).isEqualTo("string");
        assertThat(field.path("length").asInt()).isEqualTo(40);
        assertThat(field.path("externalId").asBoolean()).isTrue();
        assertThat(http.patch(data("/sobjects/Account/Region__c/EMEA-1"), Map.of("Name", "Acme")).status())
                .as("usable as an upsert key at once").isEqualTo(201);

        Http sales = as("sales@test.org");
        assertThat(sales.post(data("/sobjects/Account"), Map.of("Name", "x", "Region__c", "y")).errorCode()).isEqualTo("INVALID_FIELD");
        String salesSet = http.get(data("/query?q=SELECT+Id+FROM+PermissionSet+WHERE+Profile.Name='Sales+User'")).json()
                .path("records").get(0).path("Id").asText();
        assertThat(http.post(data("/sobjects/FieldPermissions"), Map.of("ParentId", salesSet, "SobjectType", "Account",
                "Field", "Account.Region__c", "PermissionsRead", true, "PermissionsEdit", true)).status()).isEqualTo(201);
        assertThat(sales.post(data("/sobjects/Account"), Map.of("Name", "x", "Region__c", "y")).status()).isEqualTo(201);
    }

    @Test
    void number_checkbox_and_restricted_picklist_fields_behave_as_their_types() {
        SoapCall.Answer answer = call("createMetadata",
                component("Account.Seats__c", "<label>Seats</label><type>Number</type><precision>5</precision><scale>0</scale>")
                        + component("Account.Active__c", "<label>Active</label><type>Checkbox</type><defaultValue>true</defaultValue>")
                        + component("Account.Stage__c", "<label>Stage</label><type>Picklist</type>" + valueSet(true, "New", "Won")));
        assertThat(answer.texts("success")).containsExactly("true", "true", "true");

        assertThat(describeField("Account", "Seats__c").path("type").asText()).isEqualTo("double");
        assertThat(describeField("Account", "Active__c").path("type").asText()).isEqualTo("boolean");
        assertThat(describeField("Account", "Stage__c").path("picklistValues").findValuesAsText("value")).containsExactly("New", "Won");
        String id = http.post(data("/sobjects/Account"), Map.of("Name", "x", "Seats__c", 12, "Stage__c", "New")).json().path("id").asText();
        JsonNode record = http.get(data("/sobjects/Account/" + id)).json();
        assertThat(record.path("Active__c").asBoolean()).as("checkbox default").isTrue();
        assertThat(record.path("Seats__c").asInt()).isEqualTo(12);
        assertThat(http.post(data("/sobjects/Account"), Map.of("Name", "x", "Stage__c", "Lost")).errorCode())
                .isEqualTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
    }

    @Test
    void update_metadata_replaces_a_picklists_values_and_read_metadata_shows_them() {
        call("createMetadata", component("Account.Stage__c", "<label>Stage</label><type>Picklist</type>" + valueSet(true, "New", "Won")));

        SoapCall.Answer update = call("updateMetadata", component("Account.Stage__c",
                "<label>Deal Stage</label><type>Picklist</type>" + valueSet(true, "Open", "Closed")));
        assertThat(update.elements("result").getFirst().getParentNode().getLocalName()).isEqualTo("updateMetadataResponse");
        assertThat(update.text("success")).as(update.body()).isEqualTo("true");
        assertThat(http.post(data("/sobjects/Account"), Map.of("Name", "x", "Stage__c", "New")).errorCode())
                .isEqualTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
        assertThat(http.post(data("/sobjects/Account"), Map.of("Name", "x", "Stage__c", "Open")).status()).isEqualTo(201);

        SoapCall.Answer read = call("readMetadata", "<type>CustomField</type><fullNames>Account.Stage__c</fullNames>"
                + "<fullNames>Account.Missing__c</fullNames>");
        List<Element> records = read.elements("records");
        assertThat(records).hasSize(2);
        assertThat(records.get(0).getAttributeNS(XSI, "type")).isEqualTo("CustomField");
        assertThat(SoapCall.childNames(records.get(0))).containsExactly("fullName", "label", "required", "type", "valueSet");
        assertThat(SoapCall.childText(records.get(0), "label")).isEqualTo("Deal Stage");
        assertThat(read.text("restricted")).isEqualTo("true");
        assertThat(read.elements("value").stream().map(v -> SoapCall.childText(v, "fullName")).toList()).containsExactly("Open", "Closed");
        assertThat(records.get(1).getAttributeNS(XSI, "nil")).isEqualTo("true");
    }

    @Test
    void upsert_metadata_creates_then_updates() {
        String text = "<label>Code</label><type>Text</type><length>10</length>";
        SoapCall.Answer first = call("upsertMetadata", component("Contact.Code__c", text));
        assertThat(SoapCall.childNames(first.elements("result").getFirst())).containsExactly("created", "fullName", "success");
        assertThat(first.text("created")).isEqualTo("true");
        SoapCall.Answer second = call("upsertMetadata", component("Contact.Code__c", "<label>Code</label><type>Text</type><length>20</length>"));
        assertThat(second.text("created")).isEqualTo("false");
        assertThat(second.text("success")).isEqualTo("true");
        assertThat(describeField("Contact", "Code__c").path("length").asInt()).isEqualTo(20);
    }

    @Test
    void delete_metadata_removes_the_field_and_its_values() {
        call("createMetadata", component("Account.Temp__c", "<label>Temp</label><type>Text</type><length>10</length>"));
        http.post(data("/sobjects/Account"), Map.of("Name", "x", "Temp__c", "old"));

        SoapCall.Answer deleted = call("deleteMetadata", "<type>CustomField</type><fullNames>Account.Temp__c</fullNames>");
        assertThat(deleted.elements("result").getFirst().getParentNode().getLocalName()).isEqualTo("deleteMetadataResponse");
        assertThat(deleted.text("success")).isEqualTo("true");
        assertThat(http.get(data("/query?q=SELECT+Temp__c+FROM+Account")).errorCode()).isEqualTo("INVALID_FIELD");

        call("createMetadata", component("Account.Temp__c", "<label>Temp</label><type>Text</type><length>10</length>"));
        JsonNode rows = http.get(data("/query?q=SELECT+Temp__c+FROM+Account")).json().path("records");
        assertThat(rows.get(0).path("Temp__c").isNull()).as("a field created again starts empty").isTrue();

        SoapCall.Answer missing = call("deleteMetadata", "<type>CustomField</type><fullNames>Account.Never__c</fullNames>");
        assertThat(missing.text("success")).isEqualTo("false");
        assertThat(missing.text("statusCode")).isEqualTo("INVALID_CROSS_REFERENCE_KEY");
    }

    @Test
    void bad_components_fail_one_by_one_with_the_documented_errors() {
        SoapCall.Answer answer = call("createMetadata",
                component("Account.Name", "<label>Name</label><type>Text</type><length>10</length>")
                        + component("Nope__c.Field__c", "<label>F</label><type>Text</type><length>10</length>")
                        + component("Account.Long__c", "<label>Long</label><type>Text</type><length>300</length>")
                        + component("Account.NoLabel__c", "<type>Text</type><length>10</length>")
                        + component("Account.Big__c", "<label>Big</label><type>Picklist</type>"
                                + valueSet(false, IntStream.rangeClosed(1, 1001).mapToObj(i -> "V" + i).toArray(String[]::new)))
                        + component("Account.Fine__c", "<label>Fine</label><type>Date</type>"));

        assertThat(answer.texts("success")).containsExactly("false", "false", "false", "false", "false", "true");
        assertThat(answer.texts("statusCode")).containsExactly("DUPLICATE_DEVELOPER_NAME", "INVALID_CROSS_REFERENCE_KEY",
                "FIELD_INTEGRITY_EXCEPTION", "REQUIRED_FIELD_MISSING", "LIMIT_EXCEEDED");
        Element error = answer.elements("errors").getFirst();
        assertThat(SoapCall.childNames(error)).containsExactly("fields", "message", "statusCode");
        assertThat(SoapCall.childText(error, "message")).isEqualTo("There is already a field named Name on Account.");
        assertThat(answer.texts("message").get(4)).contains("at most 1000 values, active and inactive").contains("1001");
    }

    @Test
    void call_level_problems_are_faults_in_the_metadata_namespace() {
        SoapCall.Answer noSession = SoapCall.post(http, "/services/Soap/m/60.0", SoapCall.envelope(SoapCall.METADATA, null,
                "<readMetadata><type>CustomField</type><fullNames>Account.Name</fullNames></readMetadata>"));
        assertThat(noSession.status()).isEqualTo(500);
        assertThat(noSession.text("faultcode")).isEqualTo("sf:INVALID_SESSION_ID");
        assertThat(noSession.elements("UnexpectedErrorFault").getFirst().getNamespaceURI()).isEqualTo(SoapCall.METADATA);

        SoapCall.Answer sales = SoapCall.post(http, "/services/Soap/m/60.0/" + host.org().id(), SoapCall.envelope(SoapCall.METADATA,
                sessionOf("sales@test.org"), "<createMetadata>" + component("Account.X__c", "<label>X</label><type>Date</type>") + "</createMetadata>"));
        assertThat(sales.text("faultcode")).isEqualTo("sf:INSUFFICIENT_ACCESS");
        assertThat(sales.text("faultstring")).contains("requires a user with the ModifyAllData or ModifyMetadata permissions");

        String eleven = IntStream.range(0, 11).mapToObj(i -> component("Account.F" + i + "__c", "<label>F</label><type>Date</type>"))
                .collect(Collectors.joining());
        assertThat(call("createMetadata", eleven).text("faultcode")).isEqualTo("sf:LIMIT_EXCEEDED");
        assertThat(call("createMetadata", "<metadata xsi:type=\"CustomObject\"><fullName>Thing__c</fullName></metadata>").text("faultcode"))
                .isEqualTo("sf:INVALID_TYPE");
        assertThat(call("deploy", "<ZipFile>x</ZipFile>").text("faultstring"))
                .isEqualTo("No operation available for request {http://soap.sforce.com/2006/04/metadata}deploy, please check the WSDL for the service.");
    }

    private SoapCall.Answer call(String operation, String content) {
        return SoapCall.post(http, "/services/Soap/m/60.0", SoapCall.envelope(SoapCall.METADATA, http.token(),
                "<" + operation + ">" + content + "</" + operation + ">"));
    }

    /** As jsforce sends a component: xsi:type on the metadata element, fields as child elements. */
    private static String component(String fullName, String fields) {
        return "<metadata xsi:type=\"CustomField\"><fullName>" + fullName + "</fullName>" + fields + "</metadata>";
    }

    private static String valueSet(boolean restricted, String... values) {
        StringBuilder out = new StringBuilder("<valueSet><restricted>" + restricted + "</restricted><valueSetDefinition>");
        for (String value : values) {
            out.append("<value><fullName>").append(value).append("</fullName><default>false</default><label>").append(value).append("</label></value>");
        }
        return out.append("</valueSetDefinition></valueSet>").toString();
    }

    private JsonNode describeField(String object, String field) {
        for (JsonNode candidate : http.get(data("/sobjects/" + object + "/describe")).json().path("fields")) {
            if (candidate.path("name").asText().equals(field)) {
                return candidate;
            }
        }
        throw new AssertionError(object + "." + field + " is not in the describe");
    }

    private Http as(String username) {
        return http.withToken(sessionOf(username));
    }

    private static String sessionOf(String username) {
        return host.sessions().issue(host.org().user(username).orElseThrow(), null, "api", null).accessToken();
    }
}
