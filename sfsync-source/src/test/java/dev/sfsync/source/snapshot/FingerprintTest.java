package dev.sfsync.source.snapshot;

import org.junit.jupiter.api.Test;

import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class FingerprintTest {
    @Test
    void columns_and_constants_survive_encoding_whatever_characters_they_hold() {
        TreeMap<String, String> columns = new TreeMap<>();
        columns.put("Name", "name");
        columns.put("Odd\tTarget", "col\\umn\nwith breaks\r");
        TreeMap<String, String> constants = new TreeMap<>();
        constants.put("Name", "text:column-like");
        constants.put("Description", "text:two\nlines\tand a tab \\t");
        Fingerprint fingerprint = new Fingerprint(columns, constants);

        Fingerprint decoded = Fingerprint.decode(fingerprint.encode());

        assertThat(decoded).isEqualTo(fingerprint);
        assertThat(decoded.targetToColumn()).containsEntry("Name", "name");
        assertThat(decoded.targetToConstant()).containsEntry("Name", "text:column-like");
    }

    @Test
    void the_first_encoding_reads_as_columns_without_constants() {
        Fingerprint legacy = Fingerprint.decode("AnnualRevenue\tamount\nName\tname");
        assertThat(legacy.targetToColumn()).containsExactly(java.util.Map.entry("AnnualRevenue", "amount"), java.util.Map.entry("Name", "name"));
        assertThat(legacy.targetToConstant()).isEmpty();
    }

    @Test
    void a_new_or_changed_constant_is_gained_and_a_dropped_one_is_not() {
        TreeMap<String, String> columns = new TreeMap<>(java.util.Map.of("Name", "name"));
        Fingerprint gold = new Fingerprint(columns, new TreeMap<>(java.util.Map.of("Tier__c", "text:Gold")));
        Fingerprint silver = new Fingerprint(columns, new TreeMap<>(java.util.Map.of("Tier__c", "text:Silver")));
        Fingerprint none = new Fingerprint(columns, new TreeMap<>());

        assertThat(gold.gainedIn(silver)).containsExactly("Tier__c");
        assertThat(none.gainedIn(gold)).containsExactly("Tier__c");
        assertThat(gold.covers(none)).isTrue();
        assertThat(gold.hashSql("m")).isEqualTo(none.hashSql("m"));
    }
}
