package dev.sfsync.salesforce.soap;

import dev.sfsync.salesforce.Contract;
import dev.sfsync.salesforce.internal.Soap;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MergeResponseContractTest {
    @Test
    void a_merge_result_lists_merged_and_reparented_records() {
        MergeResult result = PartnerClient.result(Soap.descendants(Soap.parse(Contract.bytes("soap/merge-response.xml")), "result").getFirst());

        assertThat(result.success()).isTrue();
        assertThat(result.id()).isEqualTo("001D000000ISUr3IAH");
        assertThat(result.mergedRecordIds()).containsExactly("001D000000ISUr4IAH", "001D000000ISUr5IAH");
        assertThat(result.updatedRelatedIds()).containsExactly("003D000000QV4nWIAT");
        assertThat(result.errors()).isEmpty();
    }
}
