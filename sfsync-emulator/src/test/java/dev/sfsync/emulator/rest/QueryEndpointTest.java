package dev.sfsync.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.RecordStore;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.org.SystemFields;
import dev.sfsync.emulator.soql.TestRecords;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.sfsync.emulator.soql.TestRecords.insert;
import static org.assertj.core.api.Assertions.assertThat;

class QueryEndpointTest extends EmulatorTest {

    @Test
    void query_returns_records_with_attributes_and_fields_in_select_order() {
        Org org = host.org();
        String id = insert(org, "Account", "Name", "Acme", "NumberOfEmployees", new BigDecimal(12), "Score__c", new BigDecimal("4.5"),
                "Founded__c", LocalDate.of(2001, 2, 3), "Last_Seen__c", Instant.parse("2024-01-31T10:00:00Z"), "Is_Partner__c", true);

        Http.Response response = query("SELECT Last_Seen__c, name, Id, NumberOfEmployees, Score__c, Founded__c, Is_Partner__c, Site FROM account");

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(fieldNames(body)).containsExactly("totalSize", "done", "records");
        assertThat(body.path("totalSize").asInt()).isEqualTo(1);
        assertThat(body.path("done").asBoolean()).isTrue();
        JsonNode record = body.path("records").path(0);
        assertThat(fieldNames(record)).containsExactly("attributes", "Last_Seen__c", "Name", "Id", "NumberOfEmployees", "Score__c",
                "Founded__c", "Is_Partner__c", "Site");
        assertThat(record.path("attributes").path("type").asText()).isEqualTo("Account");
        assertThat(record.path("attributes").path("url").asText()).isEqualTo("/services/data/v60.0/sobjects/Account/" + id);
        assertThat(record.path("Last_Seen__c").asText()).isEqualTo("2024-01-31T10:00:00.000+0000");
        assertThat(record.path("NumberOfEmployees").isIntegralNumber()).isTrue();
        assertThat(record.path("Score__c").asDouble()).isEqualTo(4.5);
        assertThat(record.path("Founded__c").asText()).isEqualTo("2001-02-03");
        assertThat(record.path("Is_Partner__c").asBoolean()).isTrue();
        assertThat(record.path("Site").isNull()).isTrue();
    }

    @Test
    void parent_paths_render_as_nested_records_or_null_when_the_reference_is_empty() {
        Org org = host.org();
        String account = insert(org, "Account", "Name", "Acme");
        insert(org, "Contact", "LastName", "Alpha", "AccountId", account);
        insert(org, "Contact", "LastName", "Beta");
        insert(org, "Invoice__c", "Amount__c", new BigDecimal(10), "Account__c", account);

        JsonNode records = query("SELECT LastName, Account.Name, Account.Owner.Name, Account.Id FROM Contact ORDER BY LastName").json().path("records");

        JsonNode withParent = records.path(0);
        assertThat(fieldNames(withParent)).containsExactly("attributes", "LastName", "Account");
        assertThat(fieldNames(withParent.path("Account"))).containsExactly("attributes", "Name", "Owner", "Id");
        assertThat(withParent.path("Account").path("attributes").path("url").asText()).endsWith("/sobjects/Account/" + account);
        assertThat(withParent.path("Account").path("Owner").path("attributes").path("type").asText()).isEqualTo("User");
        assertThat(withParent.path("Account").path("Owner").path("Name").asText()).isEqualTo(org.defaultUser().displayName());
        assertThat(records.path(1).has("Account")).isTrue();
        assertThat(records.path(1).path("Account").isNull()).isTrue();

        JsonNode invoice = query("SELECT Account__r.Name FROM Invoice__c").json().path("records").path(0);
        assertThat(invoice.path("Account__r").path("Name").asText()).isEqualTo("Acme");
    }

    @Test
    void count_returns_the_total_size_and_no_records() {
        insert(host.org(), "Account", "Name", "A");
        insert(host.org(), "Account", "Name", "B");

        JsonNode body = query("SELECT COUNT() FROM Account WHERE Name = 'a'").json();

        assertThat(body.toString()).isEqualTo("{\"totalSize\":1,\"done\":true,\"records\":[]}");
    }

    @Test
    void count_of_a_field_returns_one_aggregate_result() {
        insert(host.org(), "Account", "Name", "A");
        insert(host.org(), "Account", "Name", "B");

        assertThat(query("SELECT COUNT(Id) FROM Account").json().toString())
                .isEqualTo("{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{\"type\":\"AggregateResult\"},\"expr0\":2}]}");
        assertThat(query("SELECT COUNT(Id) n FROM Account").json().path("records").path(0).path("n").asInt()).isEqualTo(2);
    }

    @Test
    void grouped_aggregates_answer_one_aggregate_result_per_group_in_one_page() {
        insert(host.org(), "Account", "Name", "A", "Rating", "Hot", "AnnualRevenue", new BigDecimal(100));
        insert(host.org(), "Account", "Name", "B", "Rating", "Hot", "AnnualRevenue", new BigDecimal(50));
        insert(host.org(), "Account", "Name", "C", "Rating", "Cold");

        assertThat(query("SELECT Rating, COUNT(Id) cnt, SUM(AnnualRevenue) FROM Account GROUP BY Rating HAVING COUNT(Id) > 1").json().toString())
                .isEqualTo("{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{\"type\":\"AggregateResult\"},"
                        + "\"Rating\":\"Hot\",\"cnt\":2,\"expr0\":150.0}]}");
    }

    @Test
    void child_subqueries_nest_a_query_result_per_parent_or_null_without_children() {
        Org org = host.org();
        String acme = insert(org, "Account", "Name", "Acme");
        insert(org, "Account", "Name", "Lonely");
        insert(org, "Contact", "LastName", "Alpha", "AccountId", acme);

        JsonNode records = query("SELECT Name, (SELECT LastName FROM Contacts) FROM Account ORDER BY Name").json().path("records");

        JsonNode contacts = records.path(0).path("Contacts");
        assertThat(fieldNames(contacts)).containsExactly("totalSize", "done", "records");
        assertThat(contacts.path("totalSize").asInt()).isEqualTo(1);
        assertThat(contacts.path("records").path(0).path("attributes").path("type").asText()).isEqualTo("Contact");
        assertThat(contacts.path("records").path(0).path("LastName").asText()).isEqualTo("Alpha");
        assertThat(records.path(1).has("Contacts")).isTrue();
        assertThat(records.path(1).path("Contacts").isNull()).isTrue();
    }

    @Test
    void unsupported_soql_is_malformed_query_naming_the_construct() {
        Http.Response response = query("SELECT Name, COUNT(Id) FROM Account GROUP BY CUBE(Name)");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path(0).path("errorCode").asText()).isEqualTo("MALFORMED_QUERY");
        assertThat(response.json().path(0).path("message").asText()).contains("GROUP BY CUBE is not supported");
    }

    @Test
    void batch_size_header_pages_through_three_pages() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            ids.add(insert(host.org(), "Account", "Name", "n" + i));
        }

        Http.Response first = http.send(http.builder(data("/query?q=" + encode("SELECT Id FROM Account"))).header("Sforce-Query-Options", "batchSize=200").GET());
        JsonNode page1 = first.json();
        assertThat(page1.path("totalSize").asInt()).isEqualTo(450);
        assertThat(page1.path("done").asBoolean()).isFalse();
        assertThat(page1.path("records")).hasSize(200);
        String next = page1.path("nextRecordsUrl").asText();
        assertThat(next).matches("/services/data/v60\\.0/query/01g[0-9A-Za-z]{15}-200");

        JsonNode page2 = http.get(next).json();
        assertThat(page2.path("records")).hasSize(200);
        assertThat(page2.path("nextRecordsUrl").asText()).isEqualTo(next.replace("-200", "-400"));

        JsonNode page3 = http.get(page2.path("nextRecordsUrl").asText().replace("/query/", "/queryAll/")).json();
        assertThat(page3.path("done").asBoolean()).isTrue();
        assertThat(page3.has("nextRecordsUrl")).isFalse();
        assertThat(page3.path("totalSize").asInt()).isEqualTo(450);

        List<String> seen = new ArrayList<>();
        for (JsonNode page : List.of(page1, page2, page3)) {
            page.path("records").forEach(r -> seen.add(r.path("Id").asText()));
        }
        assertThat(seen).containsExactlyElementsOf(ids);
    }

    @Test
    void every_page_request_is_one_api_call() {
        for (int i = 0; i < 250; i++) {
            insert(host.org(), "Account", "Name", "n" + i);
        }
        long before = host.org().apiUsage().used();

        JsonNode page1 = http.send(http.builder(data("/query?q=" + encode("SELECT Id FROM Account"))).header("Sforce-Query-Options", "batchSize=200").GET()).json();
        http.get(page1.path("nextRecordsUrl").asText());

        assertThat(host.org().apiUsage().used() - before).isEqualTo(2);
    }

    @Test
    void query_hides_deleted_records_and_query_all_returns_them() {
        insert(host.org(), "Account", "Name", "live");
        TestRecords.delete(host.org(), "Account", insert(host.org(), "Account", "Name", "gone"));

        assertThat(names(http.get(data("/query?q=" + encode("SELECT Name FROM Account"))))).containsExactly("live");
        assertThat(names(http.get(data("/queryAll?q=" + encode("SELECT Name FROM Account"))))).containsExactly("live", "gone");
        assertThat(names(http.get(data("/queryAll/?q=" + encode("SELECT Name, IsDeleted FROM Account WHERE IsDeleted = true"))))).containsExactly("gone");
    }

    @Test
    void syntax_error_is_malformed_query_with_salesforce_message() {
        Http.Response response = query("SELECT Id FROM Account WHERE");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("MALFORMED_QUERY");
        assertThat(response.json().path(0).path("message").asText())
                .isEqualTo("\nSELECT Id FROM Account WHERE\n                            ^\nERROR at Row:1:Column:29\nunexpected token: '<EOF>'");
    }

    @Test
    void missing_query_parameter_is_malformed_query() {
        Http.Response response = http.get(data("/query"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("MALFORMED_QUERY");
    }

    @Test
    void unknown_field_is_invalid_field_and_unknown_object_is_invalid_type() {
        Http.Response field = query("SELECT Foo FROM Account");
        assertThat(field.status()).isEqualTo(400);
        assertThat(field.errorCode()).isEqualTo("INVALID_FIELD");
        assertThat(field.json().path(0).path("message").asText()).contains("No such column 'Foo' on entity 'Account'");

        Http.Response relationship = query("SELECT Foo__r.Name FROM Contact");
        assertThat(relationship.errorCode()).isEqualTo("INVALID_FIELD");
        assertThat(relationship.json().path(0).path("message").asText()).contains("Didn't understand relationship 'Foo__r' in field path");

        Http.Response type = query("SELECT Id FROM Nope__c");
        assertThat(type.status()).isEqualTo(400);
        assertThat(type.errorCode()).isEqualTo("INVALID_TYPE");
        assertThat(type.json().path(0).path("message").asText()).contains("sObject type 'Nope__c' is not supported.");
    }

    @Test
    void wrong_literal_type_and_bad_operator_fail_with_their_codes() {
        assertThat(query("SELECT Id FROM Account WHERE CreatedDate > 2024-01-01").errorCode()).isEqualTo("INVALID_FIELD");
        assertThat(query("SELECT Id FROM Account WHERE Id = 'x'").errorCode()).isEqualTo("INVALID_QUERY_FILTER_OPERATOR");
        Http.Response offset = query("SELECT Id FROM Account OFFSET 2001");
        assertThat(offset.status()).isEqualTo(400);
        assertThat(offset.errorCode()).isEqualTo("NUMBER_OUTSIDE_VALID_RANGE");
    }

    @Test
    void field_hidden_by_field_level_security_is_invalid_field_for_that_user() {
        var sales = host.org().user("sales@test.org").orElseThrow();
        var app = host.org().definition().connectedApps().getFirst();
        Http asSales = http.withToken(host.sessions().issue(sales, app, "api", null).accessToken());

        Http.Response hidden = asSales.get(data("/query?q=" + encode("SELECT Secret_Notes__c FROM Account")));
        assertThat(hidden.status()).isEqualTo(400);
        assertThat(hidden.errorCode()).isEqualTo("INVALID_FIELD");
        assertThat(query("SELECT Secret_Notes__c FROM Account").status()).isEqualTo(200);
    }

    @Test
    void unknown_or_cleared_locator_is_invalid_query_locator() {
        for (int i = 0; i < 201; i++) {
            insert(host.org(), "Account", "Name", "n" + i);
        }
        String next = http.send(http.builder(data("/query?q=" + encode("SELECT Id FROM Account"))).header("Sforce-Query-Options", "batchSize=200").GET())
                .json().path("nextRecordsUrl").asText();

        Http.Response unknown = http.get(data("/query/01gxx0000000000AAA-2000"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().toString()).isEqualTo("[{\"message\":\"invalid query locator\",\"errorCode\":\"INVALID_QUERY_LOCATOR\"}]");
        assertThat(http.get(next.replace("-200", "-999")).errorCode()).isEqualTo("INVALID_QUERY_LOCATOR");

        host.cursors().clear();
        assertThat(http.get(next).errorCode()).isEqualTo("INVALID_QUERY_LOCATOR");
    }

    @Test
    void query_needs_a_session() {
        assertThat(http.withToken("bogus").get(data("/query?q=" + encode("SELECT Id FROM Account"))).status()).isEqualTo(401);
    }

    @Test
    void fifty_thousand_records_page_through_completely() {
        Org org = host.org();
        RecordStore store = org.store("Account").orElseThrow();
        Set<String> inserted = new HashSet<>();
        synchronized (org.writeLock()) {
            Instant now = org.clock().instant();
            String userId = org.defaultUser().id();
            for (int i = 0; i < 50_000; i++) {
                String id = org.ids().next(store.schema().keyPrefix());
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("Name", "Account " + i);
                values.put("OwnerId", userId);
                store.put(new StoredRecord(id, store.schema(), SystemFields.stamp(values, id, userId, now, true)));
                inserted.add(id);
            }
        }

        JsonNode page = query("SELECT Id, Name FROM Account").json();
        assertThat(page.path("totalSize").asInt()).isEqualTo(50_000);
        List<String> seen = new ArrayList<>();
        int pages = 1;
        while (true) {
            assertThat(page.path("totalSize").asInt()).isEqualTo(50_000);
            page.path("records").forEach(r -> seen.add(r.path("Id").asText()));
            if (page.path("done").asBoolean()) {
                break;
            }
            page = http.get(page.path("nextRecordsUrl").asText()).json();
            pages++;
        }
        assertThat(pages).isEqualTo(25);
        assertThat(seen).hasSize(50_000).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(inserted);
    }

    private Http.Response query(String soql) {
        return http.get(data("/query?q=" + encode(soql)));
    }

    private static String encode(String soql) {
        return URLEncoder.encode(soql, StandardCharsets.UTF_8);
    }

    private static List<String> names(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        response.json().path("records").forEach(r -> names.add(r.path("Name").asText()));
        return names;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
