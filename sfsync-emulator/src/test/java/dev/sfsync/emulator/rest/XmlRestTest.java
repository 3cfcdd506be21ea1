package dev.sfsync.emulator.rest;

import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class XmlRestTest extends EmulatorTest {
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    @Test
    void a_record_created_from_an_xml_body_answers_a_result_element() throws Exception {
        Http.Response created = xml("POST", data("/sobjects/Account"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Account><Name>Xml Made</Name><NumberOfEmployees>42</NumberOfEmployees></Account>");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Content-Type")).startsWith("application/xml");
        Element result = parse(created).getDocumentElement();
        assertThat(result.getTagName()).isEqualTo("Result");
        String id = text(result, "id");
        assertThat(id).startsWith("001");
        assertThat(text(result, "success")).isEqualTo("true");
        assertThat(http.get(data("/sobjects/Account/" + id)).json().path("NumberOfEmployees").asInt()).isEqualTo(42);
    }

    @Test
    void a_record_reads_as_an_element_named_by_its_type_with_type_and_url_attributes_and_nil_nulls() throws Exception {
        String id = http.post(data("/sobjects/Account"), Map.of("Name", "Xml Read")).json().path("id").asText();

        Element account = parse(accepting(data("/sobjects/Account/" + id + "?fields=Id,Name,Phone"))).getDocumentElement();

        assertThat(account.getTagName()).isEqualTo("Account");
        assertThat(account.getAttribute("type")).isEqualTo("Account");
        assertThat(account.getAttribute("url")).endsWith("/sobjects/Account/" + id);
        assertThat(text(account, "Name")).isEqualTo("Xml Read");
        Element phone = (Element) account.getElementsByTagName("Phone").item(0);
        assertThat(phone.getAttributeNS(XSI, "nil")).isEqualTo("true");
    }

    @Test
    void an_xml_update_changes_the_record_and_nils_clear_fields() throws Exception {
        String id = http.post(data("/sobjects/Account"), Map.of("Name", "Xml Before", "Phone", "555")).json().path("id").asText();

        Http.Response updated = xml("PATCH", data("/sobjects/Account/" + id), "<Account xmlns:xsi=\"" + XSI + "\"><Name>Xml After</Name>"
                + "<Phone xsi:nil=\"true\"/></Account>");

        assertThat(updated.status()).isEqualTo(204);
        var record = http.get(data("/sobjects/Account/" + id)).json();
        assertThat(record.path("Name").asText()).isEqualTo("Xml After");
        assertThat(record.path("Phone").isNull()).isTrue();
    }

    @Test
    void a_query_answers_a_query_result_with_one_records_element_per_record() throws Exception {
        http.post(data("/sobjects/Account"), Map.of("Name", "Xml Query 1"));
        http.post(data("/sobjects/Account"), Map.of("Name", "Xml Query 2"));
        String soql = URLEncoder.encode("SELECT Id, Name FROM Account WHERE Name LIKE 'Xml Query%' ORDER BY Name", StandardCharsets.UTF_8);

        Element result = parse(accepting(data("/query?q=" + soql))).getDocumentElement();

        assertThat(result.getTagName()).isEqualTo("QueryResult");
        assertThat(text(result, "done")).isEqualTo("true");
        assertThat(text(result, "totalSize")).isEqualTo("2");
        NodeList records = result.getElementsByTagName("records");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < records.getLength(); i++) {
            Element record = (Element) records.item(i);
            assertThat(record.getAttribute("type")).isEqualTo("Account");
            names.add(text(record, "Name"));
        }
        assertThat(names).containsExactly("Xml Query 1", "Xml Query 2");
    }

    @Test
    void errors_answer_in_salesforce_s_errors_element() throws Exception {
        Http.Response missing = accepting(data("/sobjects/Account/001000000000000AAA"));
        assertThat(missing.status()).isEqualTo(404);
        Element errors = parse(missing).getDocumentElement();
        assertThat(errors.getTagName()).isEqualTo("Errors");
        Element error = (Element) errors.getElementsByTagName("Error").item(0);
        assertThat(text(error, "errorCode")).isEqualTo("NOT_FOUND");
        assertThat(text(error, "message")).isNotBlank();

        Http.Response malformed = xml("POST", data("/sobjects/Account"), "<Account><Name>unclosed</Account>");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(text(parse(malformed).getDocumentElement(), "errorCode")).isEqualTo("XML_PARSER_ERROR");
    }

    @Test
    void a_describe_answers_in_xml_with_one_fields_element_per_field() throws Exception {
        Element describe = parse(accepting(data("/sobjects/Account/describe"))).getDocumentElement();

        assertThat(describe.getTagName()).isEqualTo("Account");
        assertThat(text(describe, "keyPrefix")).isEqualTo("001");
        assertThat(describe.getElementsByTagName("fields").getLength()).isGreaterThan(5);
    }

    @Test
    void json_stays_the_default_and_bulk_2_jobs_stay_json() {
        assertThat(http.get(data("/limits")).header("Content-Type")).startsWith("application/json");
        assertThat(http.send(http.builder(data("/jobs/ingest")).header("Accept", "application/xml").GET()).header("Content-Type"))
                .startsWith("application/json");
    }

    private Http.Response accepting(String path) {
        return http.send(http.builder(path).header("Accept", "application/xml").GET());
    }

    private Http.Response xml(String method, String path, String body) {
        return http.send(http.builder(path).header("Accept", "application/xml").header("Content-Type", "application/xml")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    private static Document parse(Http.Response response) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Element parent, String child) {
        NodeList nodes = parent.getElementsByTagName(child);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }
}
