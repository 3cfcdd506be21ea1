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

    @Test
    void after_a_run_the_next_slot_is_on_the_grid_not_one_interval_after_the_run_ended() {
        RunSchedule.Every everyMinute = (RunSchedule.Every) EVERY_MINUTE;
        Instant due = Instant.parse("2026-12-07T15:00:00Z");
        assertThat(Schedules.nextSlot(everyMinute, due, due.plusSeconds(40), "accounts", false)).isEqualTo(due.plusSeconds(60));
        assertThat(Schedules.nextSlot(everyMinute, due, due, "accounts", false)).as("a run that took no time").isEqualTo(due.plusSeconds(60));
        assertThat(Schedules.nextSlot(everyMinute, due, due.plusSeconds(150), "accounts", false))
                .as("a run of two and a half minutes skips the slots it overran").isEqualTo(due.plusSeconds(180));
    }

    @Test
    void spread_slots_stay_at_the_syncs_offset_however_long_its_runs_take_and_whenever_they_were_due() {
        RunSchedule.Every quarterHour = new RunSchedule.Every(Duration.ofMinutes(15));
        Instant first = Schedules.firstSpread(quarterHour, Instant.parse("2026-12-07T15:00:00Z"), "accounts");
        Instant lateRetry = first.plusSeconds(67);
        for (Instant done : new Instant[]{first.plusMillis(1), first.plusSeconds(601), lateRetry.plusSeconds(1_000)}) {
            Instant next = Schedules.nextSlot(quarterHour, lateRetry, done, "accounts", true);
            assertThat(next).isAfter(done).isBeforeOrEqualTo(done.plus(Duration.ofMinutes(15)));
            assertThat(Duration.between(first, next).toMillis() % Duration.ofMinutes(15).toMillis()).as("on the sync's grid").isZero();
        }
    }
}
