package dev.sfsync.salesforce.observe;

import dev.sfsync.salesforce.Emulated;
import dev.sfsync.salesforce.RecordedExchanges;
import dev.sfsync.salesforce.RecordingSleeper;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExchangeListenerTest {
    @RegisterExtension
    static final EmulatedOrg org = Emulated.org();

    @Test
    void every_exchange_is_reported_with_method_url_status_timings_sizes_and_cut_bodies() {
        RecordedExchanges exchanges = new RecordedExchanges();
        SalesforceClient client = Emulated.builder(org, exchanges, new RecordingSleeper()).bodyPreviewBytes(120).build();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(Map.of("Name", "Account " + i));
        }

        client.rest().collections().create("Account", rows);

        ApiExchange create = exchanges.to("/composite/sobjects").getFirst();
        assertThat(create.method()).isEqualTo("POST");
        assertThat(create.url().getPath()).isEqualTo("/services/data/v62.0/composite/sobjects");
        assertThat(create.status()).isEqualTo(200);
        assertThat(create.attempt()).isEqualTo(1);
        assertThat(create.requestBytes()).isGreaterThan(50 * 20);
        assertThat(create.responseBytes()).isGreaterThan(50 * 40);
        assertThat(create.requestBody()).startsWith("{\"allOrNone\":false,\"records\":[").endsWith("…[" + create.requestBytes() + " bytes in all, first 120 shown]");
        assertThat(create.responseBody()).hasSizeLessThan(200).contains("bytes in all, first 120 shown]");
        assertThat(create.timeToHeaders()).isPositive().isLessThanOrEqualTo(create.total());
        assertThat(create.requestHeaders()).containsEntry("Authorization", List.of("[REDACTED]"));
        assertThat(create.responseHeaders().keySet()).anyMatch(h -> h.equalsIgnoreCase("Sforce-Limit-Info"));
        assertThat(create.failure()).isNull();
    }

    @Test
    void large_answers_arrive_gzipped_and_sizes_count_what_was_read() {
        RecordedExchanges exchanges = new RecordedExchanges();
        SalesforceClient client = Emulated.builder(org, exchanges, new RecordingSleeper()).build();

        client.rest().describe("Account");

        ApiExchange describe = exchanges.to("/describe").getFirst();
        assertThat(describe.requestHeaders()).containsEntry("Accept-Encoding", List.of("gzip"));
        assertThat(describe.responseHeaders().entrySet()).anySatisfy(h -> {
            assertThat(h.getKey()).isEqualToIgnoringCase("Content-Encoding");
            assertThat(h.getValue()).containsExactly("gzip");
        });
        assertThat(describe.responseBody()).startsWith("{");
        assertThat(describe.responseBytes()).isGreaterThan(10_000);
    }

    @Test
    void a_listener_that_throws_does_not_fail_the_call() {
        SalesforceClient client = Emulated.builder(org, new RecordedExchanges(), new RecordingSleeper())
                .listener(exchange -> {
                    throw new IllegalStateException("listener bug");
                }).build();

        assertThat(client.rest().limits()).isNotEmpty();
    }
}
