package dev.sfsync.source;

import dev.sfsync.core.model.ColumnType;
import dev.sfsync.core.model.Model;
import dev.sfsync.core.model.ModelColumn;
import dev.sfsync.core.model.Row;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading models, the same for every kind of source. Subclasses supply the source and run its SQL. */
abstract class SourceContract {
    static final Model TYPED = Model.of("typed", "SELECT id, name, amount, ratio, active, since, updated, changed_at FROM typed ORDER BY id", "id");

    abstract Source source();

    abstract void sql(String statement);

    /** The source's spelling of a timestamp with time zone type. */
    abstract String timestampTzType();

    @BeforeEach
    void typedTable() {
        sql("DROP TABLE IF EXISTS typed");
        sql("CREATE TABLE typed (id INTEGER, name VARCHAR(50), amount DECIMAL(12, 2), ratio DOUBLE PRECISION, active BOOLEAN, since DATE,"
                + " updated TIMESTAMP, changed_at " + timestampTzType() + ")");
        sql("INSERT INTO typed VALUES (1, 'Acme', 1234.50, 0.25, true, DATE '2024-02-29', TIMESTAMP '2024-02-29 13:14:15',"
                + " TIMESTAMP WITH TIME ZONE '2024-02-29 13:14:15+02:00'), (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
    }

    @Test
    void describes_a_models_columns_with_their_types_and_key() {
        var schema = source().describe(TYPED);
        assertThat(schema.columns()).extracting(ModelColumn::name, ModelColumn::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple("id", ColumnType.INTEGER), org.assertj.core.groups.Tuple.tuple("name", ColumnType.TEXT),
                org.assertj.core.groups.Tuple.tuple("amount", ColumnType.DECIMAL), org.assertj.core.groups.Tuple.tuple("ratio", ColumnType.DOUBLE),
                org.assertj.core.groups.Tuple.tuple("active", ColumnType.BOOLEAN), org.assertj.core.groups.Tuple.tuple("since", ColumnType.DATE),
                org.assertj.core.groups.Tuple.tuple("updated", ColumnType.TIMESTAMP),
                org.assertj.core.groups.Tuple.tuple("changed_at", ColumnType.TIMESTAMP_TZ));
        assertThat(schema.keyColumns()).extracting(ModelColumn::name).containsExactly("id");
    }

    @Test
    void streams_rows_with_values_of_the_promised_java_types() {
        List<Row> rows = new ArrayList<>();
        try (ModelReader reader = source().read(TYPED)) {
            reader.forEachRemaining(rows::add);
        }
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).asMap()).containsExactly(
                java.util.Map.entry("id", 1L), java.util.Map.entry("name", "Acme"), java.util.Map.entry("amount", new BigDecimal("1234.50")),
                java.util.Map.entry("ratio", 0.25), java.util.Map.entry("active", true), java.util.Map.entry("since", LocalDate.of(2024, 2, 29)),
                java.util.Map.entry("updated", LocalDateTime.of(2024, 2, 29, 13, 14, 15)),
                java.util.Map.entry("changed_at", OffsetDateTime.parse("2024-02-29T11:14:15Z")));
        assertThat(rows.get(1).asMap().values()).containsExactly(2L, null, null, null, null, null, null, null);
    }

    @Test
    void sql_errors_carry_the_source_message_before_any_row_is_read() {
        assertThatThrownBy(() -> source().read(Model.of("bad", "SELECT id FROM no_such_table", "id")))
                .isInstanceOfSatisfying(ModelQueryFailed.class, e -> assertThat(e.sourceMessage()).contains("no_such_table"));
    }

    @Test
    void a_key_column_the_query_lacks_is_reported_with_the_columns_it_has() {
        assertThatThrownBy(() -> source().describe(Model.of("bad", "SELECT name FROM typed", "id")))
                .isInstanceOf(ModelMissingKeyColumn.class).hasMessageContaining("it returns [name]");
    }
}
