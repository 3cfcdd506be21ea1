package dev.sfsync.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TypeOfQueryTest extends EmulatorTest {
    @Test
    void typeof_answers_the_fields_of_each_record_s_own_type_under_the_relationship() {
        String account = http.post(data("/sobjects/Account"), Map.of("Name", "Typed Account", "Phone", "555-0100")).json().path("id").asText();
        String opportunity = http.post(data("/sobjects/Opportunity"), Map.of("Name", "Typed Deal", "StageName", "Prospecting",
                "CloseDate", "2030-01-01", "Amount", 1200)).json().path("id").asText();
        String lead = http.post(data("/sobjects/Lead"), Map.of("LastName", "Typed", "Company", "Lead Co")).json().path("id").asText();
        http.post(data("/sobjects/Task"), Map.of("Subject", "TypeOf 1", "WhatId", account));
        http.post(data("/sobjects/Task"), Map.of("Subject", "TypeOf 2", "WhatId", opportunity, "WhoId", lead));
        http.post(data("/sobjects/Task"), Map.of("Subject", "TypeOf 3"));

        JsonNode records = query("SELECT Subject, TYPEOF What WHEN Account THEN Name, Phone WHEN Opportunity THEN Name, Amount ELSE Id END, "
                + "TYPEOF Who WHEN Contact THEN LastName WHEN Lead THEN LastName, Company END FROM Task WHERE Subject LIKE 'TypeOf%' ORDER BY Subject")
                .path("records");

        assertThat(records).hasSize(3);
        JsonNode first = records.get(0).path("What");
        assertThat(first.path("attributes").path("type").asText()).isEqualTo("Account");
        assertThat(first.path("Name").asText()).isEqualTo("Typed Account");
        assertThat(first.path("Phone").asText()).isEqualTo("555-0100");
        assertThat(first.has("Amount")).isFalse();
        assertThat(records.get(0).path("Who").isNull()).isTrue();

        JsonNode second = records.get(1).path("What");
        assertThat(second.path("attributes").path("type").asText()).isEqualTo("Opportunity");
        assertThat(second.path("Amount").asDouble()).isEqualTo(1200.0);
        assertThat(second.has("Phone")).isFalse();
        assertThat(records.get(1).path("Who").path("Company").asText()).isEqualTo("Lead Co");

        assertThat(records.get(2).path("What").isNull()).isTrue();
    }

    @Test
    void typeof_misuse_is_a_malformed_query_that_says_what_is_wrong() {
        assertThat(queryError("SELECT TYPEOF Owner WHEN User THEN Name END FROM Account").body()).contains("only valid on polymorphic relationships");
        assertThat(queryError("SELECT TYPEOF What WHEN Contact THEN Name END FROM Task").body()).contains("WHEN Contact is not a type What can point to");
        assertThat(queryError("SELECT TYPEOF What WHEN Account THEN Owner.Name END FROM Task").body()).contains("walks a relationship");
        assertThat(queryError("SELECT TYPEOF What WHEN Account THEN Nope__c END FROM Task").errorCode()).isEqualTo("INVALID_FIELD");
        assertThat(queryError("SELECT COUNT(Id), TYPEOF What WHEN Account THEN Name END FROM Task").body()).contains("TYPEOF cannot be combined");
        assertThat(queryError("SELECT Id FROM Account GROUP BY ROLLUP(Name)").body()).contains("GROUP BY ROLLUP is not supported");
    }

    private JsonNode query(String soql) {
        Http.Response response = http.get(data("/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private Http.Response queryError(String soql) {
        Http.Response response = http.get(data("/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8)));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response;
    }
}
