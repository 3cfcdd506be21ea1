package dev.sfsync.salesforce.internal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class BodyPreviewTest {
    private final Redactor redactor = new Redactor();

    @Test
    void a_csv_body_is_summarised_by_its_first_whole_lines_whatever_the_preview_limit() {
        StringBuilder csv = new StringBuilder("Name,External_Id__c\n");
        for (int i = 0; i < 5_000; i++) {
            csv.append("Account ").append(i).append(",ext-").append(i).append('\n');
        }
        byte[] all = csv.toString().getBytes(StandardCharsets.UTF_8);
        int limit = BodyPreview.limit("text/csv; charset=UTF-8", 64 * 1024);
        byte[] kept = java.util.Arrays.copyOf(all, limit);

        String preview = BodyPreview.text(kept, all.length, "text/csv", redactor);

        assertThat(limit).isEqualTo(BodyPreview.CSV_PREVIEW_BYTES);
        assertThat(preview).startsWith("Name,External_Id__c\nAccount 0,ext-0\n")
                .endsWith("…[CSV of " + all.length + " bytes: first " + (preview.lines().count() - 1) + " lines shown]");
        assertThat(preview.lines().filter(l -> l.startsWith("Account ")).toList().getLast()).matches("Account \\d+,ext-\\d+");
    }

    @Test
    void other_bodies_keep_the_whole_preview_and_say_where_they_were_cut() {
        assertThat(BodyPreview.limit("application/json", 64 * 1024)).isEqualTo(64 * 1024);
        assertThat(BodyPreview.text("{\"a\":1}".getBytes(StandardCharsets.UTF_8), 7, "application/json", redactor)).isEqualTo("{\"a\":1}");
        assertThat(BodyPreview.text("{\"refresh_token\":\"5Aep86".getBytes(StandardCharsets.UTF_8), 900, null, redactor))
                .isEqualTo("{\"refresh_token\":\"[REDACTED]…[900 bytes in all, first 24 shown]");
    }
}
