package dev.sfsync.salesforce.bulk;

import dev.sfsync.salesforce.error.SalesforceError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BulkPiecesTest {
    @TempDir
    Path work;

    @Test
    void error_cells_split_into_code_message_and_fields() {
        assertThat(BulkErrorText.parse("REQUIRED_FIELD_MISSING:Required fields are missing: [Name, Phone]:Name,Phone --"))
                .isEqualTo(new SalesforceError("REQUIRED_FIELD_MISSING", "Required fields are missing: [Name, Phone]", List.of("Name", "Phone")));
        assertThat(BulkErrorText.parse("UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record:--"))
                .isEqualTo(new SalesforceError("UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record"));
        assertThat(BulkErrorText.parse("INVALID_FIELD:No such column 'Nmae'")).isEqualTo(new SalesforceError("INVALID_FIELD", "No such column 'Nmae'"));
        assertThat(BulkErrorText.parse("something odd")).isEqualTo(new SalesforceError("UNKNOWN_EXCEPTION", "something odd"));
    }

    @Test
    void identical_rows_each_take_one_match_and_strangers_take_none() {
        long a = RowKeys.of(List.of("a", "1"));
        long b = RowKeys.of(List.of("b", "2"));
        RowMatcher matcher = new RowMatcher(new long[]{b, a, b, a, a});

        assertThat(matcher.take(a)).isEqualTo(1);
        assertThat(matcher.take(a)).isEqualTo(3);
        assertThat(matcher.take(b)).isEqualTo(0);
        assertThat(matcher.take(RowKeys.of(List.of("c", "3")))).isEqualTo(-1);
        assertThat(matcher.untaken()).containsExactly(2, 4);
        assertThat(RowKeys.of(List.of("ab", "c"))).isNotEqualTo(RowKeys.of(List.of("a", "bc")));
    }

    @Test
    void values_become_bulk_csv_text_with_null_as_the_clearing_marker() {
        assertThat(CsvValues.text(null)).isEqualTo("#N/A");
        assertThat(CsvValues.text(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(CsvValues.text(0.1)).isEqualTo("0.1");
        assertThat(CsvValues.text(LocalDate.of(2024, 2, 29))).isEqualTo("2024-02-29");
        assertThat(CsvValues.text(Instant.parse("2024-02-29T10:00:00Z"))).isEqualTo("2024-02-29T10:00:00Z");
        assertThatThrownBy(() -> CsvValues.text(java.time.LocalDateTime.now())).hasMessageContaining("no time zone");
    }

    @Test
    void the_spool_writes_bare_null_markers_and_counts_its_bytes_exactly() throws Exception {
        try (CsvSpool spool = CsvSpool.open(work, List.of("Phone", "Name"))) {
            List<String> row = List.of("#N/A", "Acme, Inc.");
            spool.append(spool.encode(row), row);
            Path csv = spool.finish();

            assertThat(Files.readString(csv)).isEqualTo("Phone,Name\n#N/A,\"Acme, Inc.\"\n");
            assertThat(spool.bytes()).isEqualTo(Files.size(csv));
            assertThat(spool.keys()).containsExactly(RowKeys.of(row));
        }
        try (var files = Files.list(work)) {
            assertThat(files).isEmpty();
        }
    }
}
