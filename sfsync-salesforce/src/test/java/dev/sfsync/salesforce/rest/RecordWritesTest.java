package dev.sfsync.salesforce.rest;

import dev.sfsync.salesforce.AgainstEmulatedOrg;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.describe.FieldDescribe;
import dev.sfsync.salesforce.describe.SObjectDescribe;
import dev.sfsync.salesforce.error.MalformedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordWritesTest extends AgainstEmulatedOrg {
    private RestClient rest;

    @BeforeEach
    void restApi() {
        rest = client.rest();
    }

    @Test
    void versions_and_describe_global_list_what_the_org_serves() {
        assertThat(rest.versions()).extracting(ApiVersion::version).contains(SalesforceClient.DEFAULT_API_VERSION);
        assertThat(rest.describeGlobal().object("Account")).hasValueSatisfying(a -> assertThat(a.keyPrefix()).isEqualTo("001"));
    }

    @Test
    void describe_is_fetched_once_and_refreshed_on_request() {
        SObjectDescribe account = rest.describe("Account");
        rest.describe("account");

        assertThat(exchanges.to("/sobjects/Account/describe")).hasSize(1);
        FieldDescribe tier = account.field("tier__c").orElseThrow();
        assertThat(tier.restrictedPicklist()).isTrue();
        assertThat(tier.activePicklistValues()).containsExactly("Gold", "Silver", "Bronze");
        assertThat(account.field("External_Key__c").orElseThrow().externalId()).isTrue();
        assertThat(account.field("Name").orElseThrow().requiredOnCreate()).isTrue();

        assertThat(rest.describes().refresh("Account").fields()).hasSameSizeAs(account.fields());
        assertThat(exchanges.to("/sobjects/Account/describe")).hasSize(2);
    }

    @Test
    void create_update_upsert_and_delete_one_record() {
        SaveResult created = rest.create("Account", Map.of("Name", "Acme", "Score__c", new BigDecimal("12.50"), "Founded__c", LocalDate.of(2001, 2, 3)));
        assertThat(created.success()).isTrue();
        assertThat(created.created()).isTrue();
        assertThat(created.id()).startsWith("001").hasSize(18);

        assertThat(rest.update("Account", created.id(), Map.of("Name", "Acme Corp")).success()).isTrue();
        SaveResult inserted = rest.upsert("Account", "External_Key__c", "K 1", Map.of("Name", "Keyed"));
        SaveResult updated = rest.upsert("Account", "External_Key__c", "K 1", Map.of("Name", "Keyed again"));
        assertThat(inserted.created()).isTrue();
        assertThat(updated.created()).isFalse();
        assertThat(updated.id()).isEqualTo(inserted.id());

        assertThat(org.records("Account")).extracting(r -> r.get("Name")).containsExactlyInAnyOrder("Acme Corp", "Keyed again");
        assertThat(org.records("Account")).filteredOn(r -> "Acme Corp".equals(r.get("Name")))
                .extracting(r -> r.get("Founded__c")).containsExactly("2001-02-03");
        assertThat(rest.delete("Account", created.id()).success()).isTrue();
        assertThat(org.records("Account")).hasSize(1);
    }

    @Test
    void a_refused_record_is_a_failed_result_not_an_exception() {
        SaveResult result = rest.create("Account", Map.of("Name", "Insecure", "Website", "http://acme.example"));

        assertThat(result.success()).isFalse();
        assertThat(result.id()).isNull();
        assertThat(result.firstError().code()).isEqualTo("FIELD_CUSTOM_VALIDATION_EXCEPTION");
        assertThat(result.firstError().fields()).containsExactly("Website");
        assertThat(result.retryable()).isFalse();
        assertThat(org.records("Account")).isEmpty();
    }

    @Test
    void updating_a_deleted_record_reports_it_on_the_result() {
        String id = rest.create("Account", Map.of("Name", "Gone")).id();
        rest.delete("Account", id);

        SaveResult result = rest.update("Account", id, Map.of("Name", "Back"));

        assertThat(result.success()).isFalse();
        assertThat(result.firstError().code()).isEqualTo("ENTITY_IS_DELETED");
    }

    @Test
    void a_call_level_mistake_still_throws() {
        assertThatThrownBy(() -> rest.query("SELEC Id FROM Account").hasNext())
                .isInstanceOf(MalformedRequest.class)
                .hasMessageContaining("MALFORMED_QUERY");
    }

    @Test
    void a_local_date_time_without_zone_is_refused_before_sending() {
        assertThatThrownBy(() -> rest.create("Account", Map.of("Name", "x", "Founded__c", java.time.LocalDateTime.now())))
                .hasMessageContaining("no time zone");
        assertThat(exchanges.all()).isEmpty();
    }
}
