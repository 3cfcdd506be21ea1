package dev.sfsync.emulator.soap;

import dev.sfsync.emulator.EmulatorTest;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import static org.assertj.core.api.Assertions.assertThat;

class PartnerDataCallsTest extends EmulatorTest {

    @Test
    void query_results_follow_the_wsdl_order_and_records_carry_type_and_id_first() {
        call("<create><sObjects><type>Account</type><Name>Acme</Name></sObjects></create>");

        SoapCall.Answer withId = call("<query><queryString>SELECT Id, Name FROM Account</queryString></query>");
        Element result = withId.elements("result").getFirst();
        assertThat(SoapCall.childNames(result)).containsExactly("done", "queryLocator", "records", "size");
        assertThat(SoapCall.childNames(withId.elements("records").getFirst())).containsExactly("type", "Id", "Id", "Name");

        SoapCall.Answer withoutId = call("<query><queryString>SELECT Name FROM Account</queryString></query>");
        Element id = (Element) withoutId.elements("Id").getFirst();
        assertThat(id.getAttributeNS(SoapNamespaces.XSI, "nil")).isEqualTo("true");
    }

    @Test
    void aggregate_values_are_typed_and_named_as_salesforce_names_them() {
        call("<create><sObjects><type>Account</type><Name>A</Name><Rating>Hot</Rating></sObjects>"
                + "<sObjects><type>Account</type><Name>B</Name><Rating>Hot</Rating></sObjects></create>");

        SoapCall.Answer answer = call("<query><queryString>SELECT Rating, COUNT(Id) FROM Account GROUP BY Rating</queryString></query>");

        assertThat(answer.texts("type")).contains("AggregateResult");
        Element count = answer.elements("expr0").getFirst();
        assertThat(count.getAttributeNS(SoapNamespaces.XSI, "type")).isEqualTo("xsd:int");
        assertThat(count.getTextContent()).isEqualTo("2");
        assertThat(answer.text("Rating")).isEqualTo("Hot");
    }

    @Test
    void all_or_none_header_rolls_back_every_record_when_one_fails() {
        String envelope = "<?xml version=\"1.0\"?><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soapenv:Header><AllOrNoneHeader xmlns=\"urn:partner.soap.sforce.com\"><allOrNone>true</allOrNone></AllOrNoneHeader>"
                + "<SessionHeader xmlns=\"urn:partner.soap.sforce.com\"><sessionId>" + http.token() + "</sessionId></SessionHeader></soapenv:Header>"
                + "<soapenv:Body><create xmlns=\"urn:partner.soap.sforce.com\"><sObjects><type>Account</type><Name>Kept?</Name></sObjects>"
                + "<sObjects><type>Account</type></sObjects></create></soapenv:Body></soapenv:Envelope>";

        SoapCall.Answer answer = SoapCall.post(http, "/services/Soap/u/60.0", envelope);

        assertThat(answer.texts("success")).containsExactly("false", "false");
        assertThat(answer.texts("statusCode")).containsExactly("ALL_OR_NONE_OPERATION_ROLLED_BACK", "REQUIRED_FIELD_MISSING");
        assertThat(call("<query><queryString>SELECT COUNT() FROM Account</queryString></query>").text("size")).isEqualTo("0");
    }

    @Test
    void call_headers_such_as_assignment_rules_email_and_mru_are_accepted() {
        String envelope = "<?xml version=\"1.0\"?><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:p=\"urn:partner.soap.sforce.com\" xmlns:o=\"urn:sobject.partner.soap.sforce.com\"><soapenv:Header>"
                + "<p:AssignmentRuleHeader><p:useDefaultRule>true</p:useDefaultRule></p:AssignmentRuleHeader>"
                + "<p:EmailHeader><p:triggerUserEmail>false</p:triggerUserEmail></p:EmailHeader>"
                + "<p:MruHeader><p:updateMru>false</p:updateMru></p:MruHeader><p:CallOptions><p:client>test</p:client></p:CallOptions>"
                + "<p:SessionHeader><p:sessionId>" + http.token() + "</p:sessionId></p:SessionHeader></soapenv:Header><soapenv:Body>"
                + "<p:upsert><p:externalIDFieldName>External_Key__c</p:externalIDFieldName><p:sObjects><o:type>Account</o:type>"
                + "<o:Name>Headed</o:Name><o:External_Key__c>h-1</o:External_Key__c></p:sObjects></p:upsert></soapenv:Body></soapenv:Envelope>";

        SoapCall.Answer answer = SoapCall.post(http, "/services/Soap/u/60.0", envelope);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(SoapCall.childNames(answer.elements("result").getFirst())).containsExactly("created", "id", "success");
        assertThat(answer.text("created")).isEqualTo("true");
    }

    @Test
    void undelete_brings_back_deleted_records_only() {
        String id = call("<create><sObjects><type>Account</type><Name>Gone</Name></sObjects></create>").text("id");

        assertThat(call("<undelete><ids>" + id + "</ids></undelete>").text("statusCode")).isEqualTo("UNDELETE_FAILED");
        call("<delete><ids>" + id + "</ids></delete>");
        assertThat(call("<undelete><ids>" + id + "</ids></undelete>").text("success")).isEqualTo("true");
        assertThat(call("<retrieve><fieldList>Name</fieldList><sObjectType>Account</sObjectType><ids>" + id + "</ids></retrieve>")
                .text("Name")).isEqualTo("Gone");
    }

    @Test
    void malformed_queries_are_query_faults_with_row_and_column() {
        SoapCall.Answer answer = call("<query><queryString>SELECT Id FROM Account GROUP BY CUBE(Name)</queryString></query>");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.text("faultcode")).isEqualTo("sf:MALFORMED_QUERY");
        assertThat(answer.text("exceptionMessage")).contains("GROUP BY CUBE is not supported");
        assertThat(answer.text("row")).isEqualTo("1");
        assertThat(answer.text("column")).isEqualTo("33");
    }

    @Test
    void unknown_operations_and_other_soap_apis_answer_soap_faults() {
        SoapCall.Answer unknown = call("<describeLayout><sObjectType>Account</sObjectType></describeLayout>");
        assertThat(unknown.status()).isEqualTo(500);
        assertThat(unknown.text("faultstring")).contains("No operation available for request {urn:partner.soap.sforce.com}describeLayout");

        SoapCall.Answer enterprise = SoapCall.post(http, "/services/Soap/c/60.0",
                SoapCall.envelope("urn:enterprise.soap.sforce.com", http.token(), "<getUserInfo/>"));
        assertThat(enterprise.status()).isEqualTo(500);
        assertThat(enterprise.contentType()).startsWith("text/xml");
        assertThat(enterprise.text("faultcode")).isEqualTo("soapenv:Client");
        assertThat(enterprise.text("faultstring")).contains("not /services/Soap/c");
    }

    private SoapCall.Answer call(String body) {
        return SoapCall.post(http, "/services/Soap/u/60.0", SoapCall.envelope(SoapCall.PARTNER, http.token(), body));
    }
}
