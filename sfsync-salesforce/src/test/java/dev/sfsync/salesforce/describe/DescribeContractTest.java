package dev.sfsync.salesforce.describe;

import dev.sfsync.salesforce.Contract;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented sObject Describe shape: what decides whether a value can be written. */
class DescribeContractTest {
    private final SObjectDescribe account = DescribeCache.parse(Contract.json("rest/describe-account.json"), Instant.EPOCH);

    @Test
    void object_flags_and_key_prefix() {
        assertThat(account.name()).isEqualTo("Account");
        assertThat(account.keyPrefix()).isEqualTo("001");
        assertThat(account.createable() && account.updateable() && account.deletable() && account.queryable()).isTrue();
    }

    @Test
    void field_types_sizes_and_write_rules() {
        FieldDescribe name = account.field("Name").orElseThrow();
        assertThat(name.type()).isEqualTo("string");
        assertThat(name.length()).isEqualTo(255);
        assertThat(name.requiredOnCreate()).isTrue();

        FieldDescribe id = account.field("Id").orElseThrow();
        assertThat(id.createable() || id.updateable()).isFalse();
        assertThat(id.requiredOnCreate()).isFalse();

        FieldDescribe score = account.field("Annual_Score__c").orElseThrow();
        assertThat(score.precision()).isEqualTo(18);
        assertThat(score.scale()).isEqualTo(2);

        assertThat(account.field("Partner__c").orElseThrow().requiredOnCreate()).isFalse();
    }

    @Test
    void picklists_references_and_external_ids() {
        FieldDescribe type = account.field("type").orElseThrow();
        assertThat(type.picklistValues()).hasSize(3);
        assertThat(type.activePicklistValues()).containsExactly("Prospect", "Customer - Direct");

        FieldDescribe parent = account.field("ParentId").orElseThrow();
        assertThat(parent.referenceTo()).containsExactly("Account");
        assertThat(parent.relationship()).contains("Parent");

        assertThat(account.externalIdFields()).extracting(FieldDescribe::name).containsExactly("ERP_Key__c");
        assertThat(account.field("ERP_Key__c").orElseThrow().caseSensitive()).isTrue();
    }

    @Test
    void describe_global_lists_objects_with_their_flags() {
        DescribeGlobal global = DescribeCache.parseGlobal(Contract.json("rest/describe-global.json"));

        assertThat(global.maxBatchSize()).isEqualTo(200);
        assertThat(global.object("Order_Event__e")).hasValueSatisfying(e -> {
            assertThat(e.createable()).isTrue();
            assertThat(e.queryable()).isFalse();
        });
    }
}
