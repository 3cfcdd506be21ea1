package dev.sfsync.emulator.org;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredRecordTest {
    private static final ObjectSchema THING = new ObjectSchema("Thing__c", "Thing", "Things", "a01", false, List.of(
            FieldSchema.builder("Name", FieldType.STRING).length(80).build(),
            FieldSchema.builder("Email__c", FieldType.EMAIL).length(80).custom(true).build(),
            FieldSchema.builder("Amount__c", FieldType.CURRENCY).custom(true).build(),
            FieldSchema.builder("Stage__c", FieldType.PICKLIST).custom(true).build(),
            FieldSchema.builder("IsDeleted", FieldType.BOOLEAN).build(),
            FieldSchema.builder("CreatedDate", FieldType.DATETIME).build()), List.of());

    @Test
    void values_come_back_equal_and_in_the_order_they_were_set_including_nulls_and_text_beyond_latin1() {
        LinkedHashMap<String, Object> given = new LinkedHashMap<>();
        given.put("Stage__c", "Open");
        given.put("Name", "Zoë Ærø");
        given.put("Email__c", "naïve@例え.jp");
        given.put("Amount__c", new BigDecimal("12.50"));
        given.put("Description", null);
        given.put("CreatedDate", Instant.parse("2026-01-02T03:04:05Z"));
        given.put("IsDeleted", false);

        StoredRecord record = new StoredRecord("a01000000000001AAA", THING, given);

        assertThat(record.values()).isEqualTo(given).hasSameHashCodeAs(given);
        assertThat(record.values().keySet()).containsExactlyElementsOf(given.keySet());
        assertThat(record.values().values()).containsExactlyElementsOf(given.values());
        assertThat(record.values()).containsKey("Description").doesNotContainKey("Missing__c");
        assertThat(record.values().get("Amount__c")).isEqualTo(new BigDecimal("12.50"));
        assertThat(new LinkedHashMap<>(record.values())).isEqualTo(given);
        assertThat(record.toString()).isEqualTo("Thing__c" + given);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "12.50", "-0.001", "36028797018963967", "-36028797018963968", "123456789012345678901234567890.5", "1E+5", "7.000000"})
    void a_decimal_comes_back_with_its_value_and_its_scale(String text) {
        BigDecimal amount = new BigDecimal(text);
        StoredRecord record = new StoredRecord("a01000000000001AAA", THING, Map.of("Amount__c", amount));

        BigDecimal back = (BigDecimal) record.get("Amount__c");
        assertThat(back).isEqualTo(amount);
        assertThat(back.scale()).isEqualTo(amount.scale());
        assertThat(back.toPlainString()).isEqualTo(amount.toPlainString());
    }

    @Test
    void a_field_is_found_by_any_casing_of_its_name_and_an_unknown_one_is_null() {
        StoredRecord record = new StoredRecord("a01000000000001AAA", THING, Map.of("Name", "Acme"));

        assertThat(record.get("name")).isEqualTo("Acme");
        assertThat(record.get("NAME")).isEqualTo("Acme");
        assertThat(record.get("Email__c")).isNull();
        assertThat(record.get("Nope__c")).isNull();
    }

    @Test
    void a_record_is_deleted_only_when_its_flag_says_so() {
        assertThat(new StoredRecord("a01000000000001AAA", THING, Map.of("IsDeleted", true)).isDeleted()).isTrue();
        assertThat(new StoredRecord("a01000000000001AAA", THING, Map.of("IsDeleted", false)).isDeleted()).isFalse();
        assertThat(new StoredRecord("a01000000000001AAA", THING, Map.of("Name", "x")).isDeleted()).isFalse();
    }

    @Test
    void the_values_cannot_be_changed_and_a_later_change_to_the_given_map_is_not_seen() {
        LinkedHashMap<String, Object> given = new LinkedHashMap<>(Map.of("Name", "Acme"));
        StoredRecord record = new StoredRecord("a01000000000001AAA", THING, given);
        given.put("Name", "Changed");

        assertThat(record.get("Name")).isEqualTo("Acme");
        assertThatThrownBy(() -> record.values().put("Name", "x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void records_with_the_same_fields_in_a_different_order_keep_their_own_order() {
        LinkedHashMap<String, Object> first = new LinkedHashMap<>();
        first.put("Name", "A");
        first.put("Stage__c", "Open");
        LinkedHashMap<String, Object> second = new LinkedHashMap<>();
        second.put("Stage__c", "Closed");
        second.put("Name", "B");

        StoredRecord one = new StoredRecord("a01000000000001AAA", THING, first);
        StoredRecord two = new StoredRecord("a01000000000002AAA", THING, second);

        assertThat(one.values().keySet()).containsExactly("Name", "Stage__c");
        assertThat(two.values().keySet()).containsExactly("Stage__c", "Name");
        assertThat(two.values()).containsEntry("Name", "B").containsEntry("Stage__c", "Closed");
    }
}
