package dev.sfsync.salesforce.limits;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class ApiUsageTrackerTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T08:00:00Z"), ZoneOffset.UTC);

    @Test
    void parallel_senders_never_take_more_calls_than_the_reserve_leaves() throws Exception {
        ApiUsageTracker tracker = new ApiUsageTracker(clock);
        tracker.observe(700, 1_000);
        QuotaReserve reserve = QuotaReserve.percent(20);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> senders = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                senders.add(() -> {
                    int allowed = 0;
                    for (int call = 0; call < 50; call++) {
                        if (tracker.countOneWithin(reserve).isEmpty()) {
                            allowed++;
                        }
                    }
                    return allowed;
                });
            }
            int allowed = 0;
            for (Future<Integer> sender : pool.invokeAll(senders)) {
                allowed += sender.get();
            }
            assertThat(allowed).as("800 of 1000 may be used, 700 already were").isEqualTo(100);
            assertThat(tracker.latest().orElseThrow().used()).isEqualTo(800);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_late_answer_reporting_fewer_calls_does_not_lower_the_estimate() {
        ApiUsageTracker tracker = new ApiUsageTracker(clock);
        tracker.observe(790, 1_000);
        tracker.countOneWithin(QuotaReserve.percent(20));
        tracker.countOneWithin(QuotaReserve.percent(20));

        tracker.observeHeader("api-usage=791/1000");

        assertThat(tracker.latest().orElseThrow().used()).isEqualTo(792);
        tracker.observeHeader("api-usage=795/1000");
        assertThat(tracker.latest().orElseThrow().used()).isEqualTo(795);
    }
}
