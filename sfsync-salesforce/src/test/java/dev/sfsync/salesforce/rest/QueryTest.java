package dev.sfsync.salesforce.rest;

import dev.sfsync.salesforce.AgainstEmulatedOrg;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class QueryTest extends AgainstEmulatedOrg {
    private RestClient rest;

    @BeforeEach
    void restApi() {
        rest = client.rest();
    }

    @Test
    void pages_are_fetched_only_as_the_stream_is_read() {
        rest.collections().upsert("Account", "External_Key__c", CollectionsTest.accounts(450));
        exchanges.clear();

        try (RecordStream rows = rest.query("SELECT Id, External_Key__c, Is_Partner__c FROM Account ORDER BY External_Key__c", false, 200)) {
            assertThat(rows.totalSize()).isEqualTo(450);
            for (int i = 0; i < 200; i++) {
                rows.next();
            }
            assertThat(rows.pagesRead()).isEqualTo(1);
            rows.next();
            assertThat(rows.pagesRead()).isEqualTo(2);
            long rest = 1;
            while (rows.hasNext()) {
                rows.next();
                rest++;
            }
            assertThat(rest).isEqualTo(250);
            assertThat(rows.pagesRead()).isEqualTo(3);
        }
        assertThat(exchanges.all()).extracting(e -> e.requestHeaders().get("Sforce-Query-Options")).containsOnly(List.of("batchSize=200"));
    }

    @Test
    void rows_are_plain_maps_with_parents_nested_and_attributes_removed() {
        String accountId = rest.create("Account", Map.of("Name", "Parent", "Is_Partner__c", true)).id();
        rest.create("Contact", Map.of("LastName", "Child", "AccountId", accountId));

        List<Map<String, Object>> rows = rest.query("SELECT Id, LastName, Account.Name, Account.Is_Partner__c FROM Contact").stream().toList();

        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst()).doesNotContainKey("attributes").containsEntry("LastName", "Child");
        assertThat(rows.getFirst().get("Account")).isEqualTo(Map.of("Name", "Parent", "Is_Partner__c", true));
    }

    @Test
    void query_all_also_returns_deleted_records() {
        String id = rest.create("Account", Map.of("Name", "Deleted")).id();
        rest.delete("Account", id);

        assertThat(rest.query("SELECT Id FROM Account").stream().count()).isZero();
        assertThat(rest.queryAll("SELECT Id, IsDeleted FROM Account").stream().toList())
                .singleElement().satisfies(row -> assertThat(row).containsEntry("IsDeleted", true));
    }

    @Test
    void closing_a_stream_early_releases_its_page() {
        rest.collections().upsert("Account", "External_Key__c", CollectionsTest.accounts(300));
        exchanges.clear();

        try (RecordStream rows = rest.query("SELECT Id FROM Account", false, 200)) {
            rows.next();
        }

        assertThat(exchanges.all()).hasSize(1);
        assertThat(exchanges.all().getFirst().status()).isEqualTo(200);
    }
}
