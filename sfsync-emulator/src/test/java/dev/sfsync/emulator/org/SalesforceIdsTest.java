package dev.sfsync.emulator.org;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SalesforceIdsTest {
    @Test
    void appends_the_documented_case_safe_suffix() {
        // Known pair from Salesforce's documentation of the 15 to 18 character conversion.
        assertThat(SalesforceIds.to18("001A0000006Vm9r")).isEqualTo("001A0000006Vm9rIAC");
        assertThat(SalesforceIds.to18("003000000000000")).isEqualTo("003000000000000AAA");
    }

    @Test
    void generated_ids_carry_the_key_prefix_and_are_18_characters_with_a_valid_suffix() {
        SalesforceIds ids = new SalesforceIds(0);
        String id = ids.next("001");
        assertThat(id).hasSize(18).startsWith("001");
        assertThat(SalesforceIds.normalize(id)).contains(id);
        assertThat(SalesforceIds.normalize(id.substring(0, 15))).contains(id);
    }

    @Test
    void rejects_text_that_is_not_shaped_like_an_id() {
        assertThat(SalesforceIds.normalize("001")).isEmpty();
        assertThat(SalesforceIds.normalize("001A0000006Vm9r!!!")).isEmpty();
        assertThat(SalesforceIds.normalize("001A0000006Vm9rZZZ")).isEmpty();
    }
}
