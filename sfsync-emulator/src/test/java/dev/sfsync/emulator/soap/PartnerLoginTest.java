package dev.sfsync.emulator.soap;

import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import static org.assertj.core.api.Assertions.assertThat;

class PartnerLoginTest extends EmulatorTest {

    private static String login(String username, String password) {
        return SoapCall.envelope(SoapCall.PARTNER, null, "<login><username>" + username + "</username><password>" + password
                + "</password></login>");
    }

    @Test
    void login_answers_the_documented_login_result_with_a_session_the_rest_api_accepts() {
        SoapCall.Answer answer = SoapCall.post(anonymous(), "/services/Soap/u/60.0", login("admin@test.org", "admin-pass"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/xml");
        Element result = answer.elements("result").getFirst();
        assertThat(result.getParentNode().getLocalName()).isEqualTo("loginResponse");
        assertThat(result.getNamespaceURI()).isEqualTo(SoapCall.PARTNER);
        assertThat(SoapCall.childNames(result))
                .containsExactly("metadataServerUrl", "passwordExpired", "sandbox", "serverUrl", "sessionId", "userId", "userInfo");
        String orgId15 = host.org().id().substring(0, 15);
        assertThat(answer.text("serverUrl")).isEqualTo(host.baseUrl() + "/services/Soap/u/60.0/" + orgId15);
        assertThat(answer.text("metadataServerUrl")).isEqualTo(host.baseUrl() + "/services/Soap/m/60.0/" + orgId15);
        assertThat(answer.text("passwordExpired")).isEqualTo("false");
        assertThat(answer.text("sandbox")).isEqualTo("false");
        String userId = host.org().user("admin@test.org").orElseThrow().id();
        assertThat(SoapCall.childText(result, "userId")).isEqualTo(userId);
        assertThat(answer.text("organizationId")).isEqualTo(host.org().id());
        assertThat(answer.text("userName")).isEqualTo("admin@test.org");
        assertThat(answer.text("userFullName")).isEqualTo("Ada Admin");
        assertThat(answer.elements("roleId").getFirst().getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "nil")).isEqualTo("true");
        assertThat(SoapCall.childNames(answer.elements("userInfo").getFirst())).startsWith("accessibilityMode", "chatterExternal")
                .contains("organizationId", "profileId", "sessionSecondsValid", "userEmail", "userId", "userName", "userTimeZone");

        String sessionId = answer.text("sessionId");
        assertThat(sessionId).startsWith(orgId15 + "!");
        Http withSession = anonymous().withToken(sessionId);
        assertThat(withSession.get(data("/sobjects")).status()).isEqualTo(200);
    }

    @Test
    void a_prefixed_envelope_with_call_options_and_an_org_id_in_the_url_works_too() {
        String envelope = "<?xml version=\"1.0\" encoding=\"utf-8\" ?><env:Envelope xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:env=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:urn=\"urn:partner.soap.sforce.com\"><env:Header><urn:CallOptions><urn:client>sfsync</urn:client>"
                + "<urn:defaultNamespace>sf</urn:defaultNamespace></urn:CallOptions></env:Header><env:Body>"
                + "<n1:login xmlns:n1=\"urn:partner.soap.sforce.com\"><n1:username>admin@test.org</n1:username>"
                + "<n1:password>admin-pass</n1:password></n1:login></env:Body></env:Envelope>";
        SoapCall.Answer answer = SoapCall.post(anonymous(), "/services/Soap/u/64.0/" + host.org().id(), envelope);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.text("sessionId")).isNotBlank();
    }

    @Test
    void a_wrong_password_is_the_documented_invalid_login_fault() {
        SoapCall.Answer answer = SoapCall.post(anonymous(), "/services/Soap/u/60.0", login("admin@test.org", "wrong"));

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.text("faultcode")).isEqualTo("sf:INVALID_LOGIN");
        assertThat(answer.text("faultstring")).isEqualTo("INVALID_LOGIN: Invalid username, password, security token; or user locked out.");
        Element detail = answer.elements("LoginFault").getFirst();
        assertThat(detail.getNamespaceURI()).isEqualTo("urn:fault.partner.soap.sforce.com");
        assertThat(detail.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type")).isEqualTo("sf:LoginFault");
        assertThat(answer.body()).contains("<sf:exceptionCode>INVALID_LOGIN</sf:exceptionCode>");
        assertThat(answer.text("exceptionMessage")).isEqualTo("Invalid username, password, security token; or user locked out.");
        assertThat(SoapCall.post(anonymous(), "/services/Soap/u/60.0", login("nobody@test.org", "x")).text("faultcode"))
                .isEqualTo("sf:INVALID_LOGIN");
    }

    @Test
    void users_without_api_access_cannot_log_in() {
        SoapCall.Answer answer = SoapCall.post(anonymous(), "/services/Soap/u/60.0", login("noapi@test.org", "noapi-pass"));
        assertThat(answer.text("faultcode")).isEqualTo("sf:API_DISABLED_FOR_ORG");
    }

    @Test
    void login_is_not_an_operation_from_version_65_on() {
        SoapCall.Answer answer = SoapCall.post(anonymous(), "/services/Soap/u/65.0", login("admin@test.org", "admin-pass"));
        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.text("faultcode")).isEqualTo("soapenv:Client");
        assertThat(answer.text("faultstring")).isEqualTo("No operation available for request {urn:partner.soap.sforce.com}login, "
                + "please check the WSDL for the service.");
    }

    @Test
    void unknown_operations_versions_and_envelopes_are_soap_faults() {
        String session = Http.loggedIn(host).token();
        SoapCall.Answer unknown = SoapCall.post(anonymous(), "/services/Soap/u/60.0",
                SoapCall.envelope(SoapCall.PARTNER, session, "<describeEverything/>"));
        assertThat(unknown.text("faultcode")).isEqualTo("soapenv:Client");
        assertThat(unknown.text("faultstring")).startsWith("No operation available for request {urn:partner.soap.sforce.com}describeEverything");

        SoapCall.Answer version = SoapCall.post(anonymous(), "/services/Soap/u/49.0", login("admin@test.org", "admin-pass"));
        assertThat(version.text("faultcode")).isEqualTo("sf:UNSUPPORTED_API_VERSION");

        SoapCall.Answer garbage = SoapCall.post(anonymous(), "/services/Soap/u/60.0", "<not-soap");
        assertThat(garbage.status()).isEqualTo(500);
        assertThat(garbage.text("faultcode")).isEqualTo("soapenv:Client");
    }

    @Test
    void calls_other_than_login_need_a_live_session_in_the_session_header() {
        String merge = "<merge><request><masterRecord><type>Account</type></masterRecord></request></merge>";
        for (String session : new String[] {null, "00D000000000000!bogus"}) {
            SoapCall.Answer answer = SoapCall.post(anonymous(), "/services/Soap/u/60.0", SoapCall.envelope(SoapCall.PARTNER, session, merge));
            assertThat(answer.status()).isEqualTo(500);
            assertThat(answer.text("faultcode")).isEqualTo("sf:INVALID_SESSION_ID");
            assertThat(answer.text("faultstring")).isEqualTo("INVALID_SESSION_ID: Invalid Session ID found in SessionHeader: Illegal Session");
            assertThat(answer.elements("UnexpectedErrorFault")).hasSize(1);
        }
    }

    private static Http anonymous() {
        return new Http(host.baseUrl());
    }
}
