package dev.sfsync.emulator.org;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RecordStoreTest {
    private static final FieldSchema NAME = FieldSchema.builder("Name", FieldType.STRING).length(80).build();
    private static final FieldSchema PLAIN_CODE = FieldSchema.builder("Code__c", FieldType.STRING).length(20).custom(true).build();
    private static final FieldSchema EXTERNAL_CODE = FieldSchema.builder("Code__c", FieldType.STRING).length(20).custom(true)
            .externalId(true).build();

    @Test
    void an_external_id_added_later_finds_records_written_before_and_after_the_change() {
        ObjectSchema before = schema(PLAIN_CODE);
        RecordStore store = new RecordStore(before);
        store.put(new StoredRecord("a01000000000001AAA", before, Map.of("Name", "old", "Code__c", "X1")));

        ObjectSchema after = schema(EXTERNAL_CODE);
        store.schema(after);
        store.put(new StoredRecord("a01000000000002AAA", after, Map.of("Name", "new", "Code__c", "X2")));

        assertThat(store.findBy(EXTERNAL_CODE, "x1")).containsExactly("a01000000000001AAA");
        assertThat(store.findBy(EXTERNAL_CODE, "X2")).containsExactly("a01000000000002AAA");
    }

    @Test
    void index_follows_changed_and_deleted_values() {
        ObjectSchema schema = schema(EXTERNAL_CODE);
        RecordStore store = new RecordStore(schema);
        store.put(new StoredRecord("a01000000000001AAA", schema, Map.of("Code__c", "X1")));
        store.put(new StoredRecord("a01000000000001AAA", schema, Map.of("Code__c", "Y1")));
        assertThat(store.findBy(EXTERNAL_CODE, "X1")).isEmpty();
        assertThat(store.findBy(EXTERNAL_CODE, "Y1")).containsExactly("a01000000000001AAA");

        store.put(new StoredRecord("a01000000000001AAA", schema, Map.of("Code__c", "Y1", "IsDeleted", true)));
        assertThat(store.findBy(EXTERNAL_CODE, "Y1")).as("deleted records leave the index").isEmpty();

        store.put(new StoredRecord("a01000000000001AAA", schema, Map.of("Code__c", "Y1", "IsDeleted", false)));
        store.remove("a01000000000001AAA");
        assertThat(store.findBy(EXTERNAL_CODE, "Y1")).isEmpty();
    }

    @Test
    void several_records_with_one_value_are_all_found_until_each_leaves() {
        ObjectSchema schema = schema(EXTERNAL_CODE);
        RecordStore store = new RecordStore(schema);
        store.put(new StoredRecord("a01000000000001AAA", schema, Map.of("Code__c", "Same")));
        store.put(new StoredRecord("a01000000000002AAA", schema, Map.of("Code__c", "SAME")));
        store.put(new StoredRecord("a01000000000003AAA", schema, Map.of("Code__c", "same")));

        assertThat(store.findBy(EXTERNAL_CODE, "same")).containsExactlyInAnyOrder("a01000000000001AAA", "a01000000000002AAA", "a01000000000003AAA");

        store.remove("a01000000000002AAA");
        store.put(new StoredRecord("a01000000000003AAA", schema, Map.of("Code__c", "Other")));
        assertThat(store.findBy(EXTERNAL_CODE, "Same")).containsExactly("a01000000000001AAA");
        assertThat(store.findBy(EXTERNAL_CODE, "other")).containsExactly("a01000000000003AAA");

        store.remove("a01000000000001AAA");
        assertThat(store.findBy(EXTERNAL_CODE, "same")).isEmpty();
    }

    private static ObjectSchema schema(FieldSchema code) {
        return new ObjectSchema("Thing__c", "Thing", "Things", "a01", false, List.of(NAME, code), List.of());
    }
}
