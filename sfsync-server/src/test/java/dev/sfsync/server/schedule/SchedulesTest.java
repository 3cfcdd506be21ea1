package dev.sfsync.server.schedule;

import dev.sfsync.engine.config.RunSchedule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulesTest {
    private static final RunSchedule EVERY_MINUTE = new RunSchedule.Every(Duration.ofMinutes(1));

    @Test
    void syncs_with_the_same_interval_get_first_slots_spread_over_the_interval_each_within_one_interval_of_start() {
        Instant start = Instant.parse("2026-12-07T15:00:00.250Z");
        Set<Instant> slots = new HashSet<>();
        int[] perTenSeconds = new int[6];
        for (int i = 0; i < 500; i++) {
            Instant first = Schedules.firstSpread(EVERY_MINUTE, start, "sync-" + i);
            assertThat(first).isAfter(start).isBeforeOrEqualTo(start.plus(Duration.ofMinutes(1)));
            slots.add(first);
            perTenSeconds[(int) (Duration.between(start, first).toMillis() - 1) / 10_000]++;
        }
        assertThat(slots).as("500 syncs over 60 seconds: every second used").hasSize(60);
        assertThat(IntStream.of(perTenSeconds).boxed().toList()).as("each sixth of the minute gets about its share (83)").allMatch(n -> n > 40 && n < 170);
    }

    @Test
    void a_sync_keeps_its_offset_whenever_and_wherever_its_slot_is_computed() {
        RunSchedule quarterHour = new RunSchedule.Every(Duration.ofMinutes(15));
        Instant first = Schedules.firstSpread(quarterHour, Instant.parse("2026-12-07T15:00:00Z"), "accounts");
        Instant later = Schedules.firstSpread(quarterHour, Instant.parse("2026-12-08T09:07:13Z"), "accounts");
        assertThat(Duration.between(first, later).toMillis() % Duration.ofMinutes(15).toMillis()).isZero();
        assertThat(IntStream.range(0, 3).mapToObj(i -> Schedules.firstSpread(quarterHour, Instant.parse("2026-12-07T15:00:00Z"), "accounts")))
                .containsOnly(first);
        assertThat(first.getEpochSecond() * 1000).as("whole seconds").isEqualTo(first.toEpochMilli());
    }

    @Test
    void a_cron_schedule_keeps_its_own_times() {
        RunSchedule nightly = new RunSchedule.Cron("0 2 * * *", ZoneId.of("UTC"));
        assertThat(Schedules.firstSpread(nightly, Instant.parse("2026-12-07T15:00:00Z"), "accounts")).isEqualTo(Instant.parse("2026-12-08T02:00:00Z"));
    }
}
