package dev.sfsync.emulator.bulk2;

import dev.sfsync.emulator.Http;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IngestJobRequestsTest extends Bulk2Test {

    private Http.Response create(Map<String, Object> body) {
        return http.post(data(INGEST), body);
    }

    private void assertError(Http.Response response, String code, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo(code);
        assertThat(response.json().path(0).path("message").asText()).startsWith(message);
    }

    @Test
    void an_unknown_object_is_refused() {
        assertError(create(Map.of("object", "Foo__c", "operation", "insert")), "INVALIDJOB", "InvalidJob : Unable to find object: Foo__c");
        assertError(create(Map.of("operation", "insert")), "INVALIDJOB", "InvalidJob : Unable to find object: ");
    }

    @Test
    void an_unsupported_operation_is_refused() {
        assertError(create(Map.of("object", "Account", "operation", "merge")), "API_ERROR",
                "Invalid value: 'merge' supplied for property: 'operation'");
        assertError(create(Map.of("object", "Account")), "API_ERROR", "Invalid value: '' supplied for property: 'operation'");
    }

    @Test
    void upsert_needs_an_external_id_field() {
        assertError(create(Map.of("object", "Account", "operation", "upsert")), "INVALIDJOB",
                "InvalidJob : External ID was blank for Account. An External ID must be specified for upsert.");
        assertError(create(Map.of("object", "Account", "operation", "upsert", "externalIdFieldName", "Name")), "INVALIDJOB",
                "InvalidJob : Field name provided, Name does not match an External ID for Account");
        assertError(create(Map.of("object", "Account", "operation", "insert", "externalIdFieldName", "External_Key__c")), "INVALIDJOB",
                "InvalidJob : externalIdFieldName is only valid for upsert");
    }

    @Test
    void format_options_take_only_their_documented_values() {
        assertError(create(Map.of("object", "Account", "operation", "insert", "columnDelimiter", "COLON")), "API_ERROR",
                "Invalid value: 'COLON' supplied for property: 'columnDelimiter'");
        assertError(create(Map.of("object", "Account", "operation", "insert", "lineEnding", "CR")), "API_ERROR",
                "Invalid value: 'CR' supplied for property: 'lineEnding'");
        assertError(create(Map.of("object", "Account", "operation", "insert", "contentType", "JSON")), "API_ERROR",
                "Invalid value: 'JSON' supplied for property: 'contentType'");
    }

    @Test
    void an_unknown_property_or_a_malformed_body_is_refused() {
        assertError(create(Map.of("object", "Account", "operation", "insert", "objekt", "x")), "JSON_PARSER_ERROR", "Unrecognized field \"objekt\"");
        assertError(http.post(data(INGEST), "{not json"), "JSON_PARSER_ERROR", "");
    }

    @Test
    void calls_need_a_session() {
        Http anonymous = new Http(host.baseUrl());
        assertThat(anonymous.post(data(INGEST), Map.of("object", "Account", "operation", "insert")).status()).isEqualTo(401);
        assertThat(anonymous.get(data(INGEST)).status()).isEqualTo(401);
    }
}
