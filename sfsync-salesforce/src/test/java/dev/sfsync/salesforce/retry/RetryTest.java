package dev.sfsync.salesforce.retry;

import dev.sfsync.salesforce.Emulated;
import dev.sfsync.salesforce.RecordedExchanges;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.observe.ApiExchange;
import dev.sfsync.salesforce.rest.SaveResult;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class RetryTest {
    @RegisterExtension
    static final EmulatedOrg org = Emulated.org();

    private static final RetryPolicy EXACT = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(1), 0);

    private final RecordedExchanges exchanges = new RecordedExchanges();
    private final List<Duration> waits = new ArrayList<>();

    @Test
    void a_whole_call_lock_is_retried_with_exponential_backoff_until_the_lock_clears() {
        SalesforceClient client = client(wait -> {
            waits.add(wait);
            if (waits.size() == 2) {
                org.unlockAll();
            }
        });
        String id = client.rest().create("Account", Map.of("Name", "Locked")).id();
        org.lock(List.of(id));

        SaveResult result = client.rest().update("Account", id, Map.of("Name", "Unlocked"));

        assertThat(result.success()).isTrue();
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(exchanges.to("/sobjects/Account/" + id)).extracting(ApiExchange::status, ApiExchange::attempt)
                .containsExactly(tuple(400, 1), tuple(400, 2),
                        tuple(204, 3));
        assertThat(org.records("Account")).extracting(r -> r.get("Name")).containsExactly("Unlocked");
    }

    @Test
    void a_lock_that_outlasts_the_retries_is_the_records_retryable_failure() {
        SalesforceClient client = client(waits::add);
        String id = client.rest().create("Account", Map.of("Name", "Stuck")).id();
        org.lock(List.of(id));

        SaveResult result = client.rest().update("Account", id, Map.of("Name", "Never"));

        assertThat(result.firstError().code()).isEqualTo("UNABLE_TO_LOCK_ROW");
        assertThat(result.retryable()).isTrue();
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(org.records("Account")).extracting(r -> r.get("Name")).containsExactly("Stuck");
    }

    @Test
    void backoff_doubles_up_to_the_cap_and_jitter_only_shortens_it() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(300), Duration.ofMillis(2000), 0);
        Random random = new Random(1);
        List<Long> exact = new ArrayList<>();
        for (int attempt = 2; attempt <= 6; attempt++) {
            exact.add(policy.delayBefore(attempt, random).toMillis());
        }
        assertThat(exact).containsExactly(300L, 600L, 1200L, 2000L, 2000L);

        RetryPolicy jittered = new RetryPolicy(10, Duration.ofMillis(300), Duration.ofMillis(2000), 0.5);
        for (int i = 0; i < 100; i++) {
            assertThat(jittered.delayBefore(3, random).toMillis()).isBetween(300L, 600L);
        }
    }

    private SalesforceClient client(Sleeper sleeper) {
        return Emulated.builder(org, exchanges, new dev.sfsync.salesforce.RecordingSleeper()).sleeper(sleeper).retryPolicy(EXACT).build();
    }
}
