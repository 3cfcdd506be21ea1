package dev.sfsync.salesforce.bulk;

import dev.sfsync.salesforce.error.SalesforceException;
import dev.sfsync.salesforce.retry.PollPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PollerTest {
    private final List<Duration> waits = new ArrayList<>();
    private final PollPolicy policy = new PollPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 1.25, Duration.ofHours(4));
    private final Poller poller = new Poller(policy, waits::add);

    /** A job of {@code total} rows that processes rows at a steady rate once it starts, as polled at the slept times. */
    private long[] poll(long total, LongUnaryOperator processedAtMillis) {
        long[] polls = new long[1];
        poller.until("job", () -> {
            polls[0]++;
            return processedAtMillis.applyAsLong(waits.stream().mapToLong(Duration::toMillis).sum());
        }, processed -> processed >= total, processed -> (double) processed / total);
        return polls;
    }

    @Test
    void a_steady_million_row_job_is_seen_done_in_a_few_polls_not_one_per_growing_interval() {
        // 200,000 rows a second, already 100,000 rows in when first polled: about 4.5 s to go.
        long[] polls = poll(1_000_000, millis -> Math.min(1_000_000, 100_000 + millis * 200));

        assertThat(polls[0]).isBetween(2L, 4L);
        assertThat(waits.getFirst()).isEqualTo(Duration.ofSeconds(1));
        // The second wait is the estimate: 700,000 rows left at 200 a millisecond, stretched by the margin.
        assertThat(waits.get(1)).isEqualTo(Duration.ofMillis(4025));
    }

    @Test
    void a_queued_job_that_has_not_moved_is_polled_at_growing_waits() {
        long[] polls = poll(1_000, millis -> millis < 5_000 ? 0 : 1_000);

        assertThat(waits.subList(0, 4)).containsExactly(Duration.ofMillis(1000), Duration.ofMillis(1250), Duration.ofMillis(1563), Duration.ofMillis(1954));
        assertThat(polls[0]).isEqualTo(waits.size() + 1L);
    }

    @Test
    void an_estimate_never_waits_past_the_longest_wait_nor_below_a_quarter_of_the_first() {
        assertThat(policy.clamp(Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.clamp(Duration.ofMillis(3))).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void a_slow_job_after_a_fast_start_is_polled_again_at_the_new_rate() {
        // Fast for 1 s, then ten times slower: the second estimate is too short, the third follows the slower rate.
        long[] polls = poll(1_000_000, millis -> Math.min(1_000_000, millis <= 1_000 ? millis * 200 : 200_000 + (millis - 1_000) * 20));

        assertThat(polls[0]).isLessThanOrEqualTo(6L);
        assertThat(waits).allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(Duration.ofSeconds(30)));
    }

    @Test
    void a_job_that_never_ends_fails_with_job_timeout() {
        Poller shortLived = new Poller(new PollPolicy(Duration.ofSeconds(1), Duration.ofSeconds(2), 2, Duration.ofSeconds(5)), waits::add);

        assertThatThrownBy(() -> shortLived.until("job 750x", () -> 0L, processed -> false, processed -> 0.0))
                .isInstanceOf(SalesforceException.class).hasMessageContaining("JOB_TIMEOUT");
    }
}
