package dev.sfsync.server.schedule;

import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import dev.sfsync.core.SyncId;
import dev.sfsync.engine.config.ProjectConfig;
import dev.sfsync.salesforce.rest.OrgLimit;
import dev.sfsync.server.TestProject;
import dev.sfsync.server.metrics.ServerMetrics;
import dev.sfsync.server.run.RunLauncher;
import dev.sfsync.store.Run;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.sfsync.server.TestProject.insertSync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyncSchedulerTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefaultOrg();

    @TempDir
    Path directory;

    private TestProject project;
    private final SettableClock clock = new SettableClock();
    private final ExecutorService background = Executors.newCachedThreadPool();
    private Optional<OrgLimit> dailyLimit = Optional.empty();

    @BeforeEach
    void project() {
        clock.set(Instant.parse("2026-03-02T10:00:00Z"));
        project = new TestProject(directory, org);
    }

    @AfterEach
    void close() {
        background.shutdownNow();
        project.close();
    }

    private SyncScheduler scheduler(ProjectConfig config) {
        RunLauncher launcher = new RunLauncher(project.shared(config), background, Clock.systemUTC());
        QuotaBackoff backoff = new QuotaBackoff(project.serverDb(), sync -> dailyLimit, javaClock());
        launcher.listen(backoff);
        return new SyncScheduler(config.service(), launcher, backoff, new SchedulePauses(project.serverDb(), javaClock()),
                new ServerMetrics(sync -> new String[] {"org", "rest"}), clock,
                tasks -> TestHelper.createManualScheduler(project.serverDb().dataSource(), tasks).clock(clock)
                        .jdbcCustomization(project.serverDb().schedulerSql()).build());
    }

    private ManualScheduler manual(SyncScheduler scheduler) {
        return (ManualScheduler) scheduler.scheduler();
    }

    private Clock javaClock() {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock.now();
            }
        };
    }

    private List<Run> runs(String sync) {
        return project.store().runs().recent(SyncId.of(sync), 100);
    }

    @Test
    void a_sync_every_15_minutes_runs_when_its_time_comes_and_not_before() {
        ProjectConfig config = project.config("syncs:\n" + insertSync("accounts", "accounts", "Account", "Name", "schedule: {every: 15m}")).read();
        SyncScheduler scheduler = scheduler(config);
        scheduler.start();

        manual(scheduler).tick(Duration.ofMinutes(14));
        manual(scheduler).runAnyDueExecutions();
        assertThat(runs("accounts")).isEmpty();

        manual(scheduler).tick(Duration.ofMinutes(1));
        manual(scheduler).runAnyDueExecutions();
        assertThat(runs("accounts")).singleElement().extracting(Run::status).isEqualTo(Run.Status.SUCCEEDED);
        assertThat(org.records("Account")).hasSize(3);
        assertThat(scheduler.next("accounts")).contains(clock.now().plus(Duration.ofMinutes(15)));
    }

    @Test
    void a_cron_schedule_follows_its_time_zone() {
        ProjectConfig config = project.config("syncs:\n"
                + insertSync("accounts", "accounts", "Account", "Name", "schedule: {cron: \"0 2 * * *\", timezone: Europe/Paris}")).read();
        SyncScheduler scheduler = scheduler(config);
        scheduler.start();
        // 02:00 in Paris in March (before summer time) is 01:00 UTC, the next day.
        assertThat(scheduler.next("accounts")).contains(Instant.parse("2026-03-03T01:00:00Z"));
    }

    @Test
    void times_missed_while_the_server_was_down_run_once_on_start_and_the_schedule_goes_on_from_there() {
        ProjectConfig config = project.config("syncs:\n" + insertSync("accounts", "accounts", "Account", "Name", "schedule: {every: 15m}")).read();
        SyncScheduler first = scheduler(config);
        first.start();
        first.close();

        clock.tick(Duration.ofHours(3)); // twelve slots missed
        SyncScheduler restarted = scheduler(config);
        restarted.start();
        manual(restarted).runAnyDueExecutions();
        manual(restarted).runAnyDueExecutions();

        assertThat(runs("accounts")).hasSize(1);
        assertThat(restarted.next("accounts")).contains(clock.now().plus(Duration.ofMinutes(15)));
    }

    @Test
    void a_schedule_changed_in_sfsync_yaml_replaces_the_stored_one_on_restart_and_a_manual_one_is_dropped() {
        scheduler(project.config("syncs:\n" + insertSync("accounts", "accounts", "Account", "Name", "schedule: {every: 15m}")
                + insertSync("contacts", "contacts", "Contact", "LastName", "schedule: {every: 1h}")).read()).start();

        SyncScheduler changed = scheduler(project.config("syncs:\n" + insertSync("accounts", "accounts", "Account", "Name", "schedule: {every: 2h}")
                + insertSync("contacts", "contacts", "Contact", "LastName", "schedule: manual")).read());
        changed.start();

        assertThat(changed.next("accounts")).contains(clock.now().plus(Duration.ofHours(2)));
        assertThat(changed.next("contacts")).isEmpty();
    }

    @Test
    void a_paused_schedule_skips_its_due_slots_keeps_the_pause_over_a_restart_and_once_resumed_runs_at_the_next_slot_only() {
        ProjectConfig config = project.config("syncs:\n" + insertSync("accounts", "accounts", "Account", "Name", "schedule: {every: 15m}")
                + insertSync("contacts", "contacts", "Contact", "LastName", "")
                + """
                sequences:
                  nightly: {schedule: {every: 1h}, syncs: [contacts], on_failure: stop}
                """).read();
        SyncScheduler first = scheduler(config);
        first.start();
        Instant pausedAt = clock.now();
        first.pause(SchedulePauses.Kind.SYNC, "accounts", "otto");
        first.pause(SchedulePauses.Kind.SEQUENCE, "nightly", "otto");
        first.close();

        SyncScheduler scheduler = scheduler(config);
        scheduler.start();
        assertThat(scheduler.paused(SchedulePauses.Kind.SYNC, "accounts")).hasValueSatisfying(pause -> {
            assertThat(pause.pausedBy()).isEqualTo("otto");
            assertThat(pause.pausedAt()).isEqualTo(pausedAt);
        });
        for (int slot = 0; slot < 4; slot++) {
            manual(scheduler).tick(Duration.ofMinutes(15));
            manual(scheduler).runAnyDueExecutions();
        }
        assertThat(runs("accounts")).isEmpty();
        assertThat(runs("contacts")).isEmpty();
        assertThat(scheduler.next("accounts")).contains(clock.now().plus(Duration.ofMinutes(15)));

        assertThat(scheduler.resume(SchedulePauses.Kind.SYNC, "accounts", "otto")).isTrue();
        assertThat(scheduler.resume(SchedulePauses.Kind.SEQUENCE, "nightly", "otto")).isTrue();
        manual(scheduler).runAnyDueExecutions();
        assertThat(runs("accounts")).as("the skipped slots are not caught up").isEmpty();
        manual(scheduler).tick(Duration.ofMinutes(15));
        manual(scheduler).runAnyDueExecutions();
        assertThat(runs("accounts")).singleElement().extracting(Run::status).isEqualTo(Run.Status.SUCCEEDED);
        manual(scheduler).tick(Duration.ofMinutes(45));
        manual(scheduler).runAnyDueExecutions();
        assertThat(runs("contacts")).as("the sequence's next hourly slot").hasSize(1);
        assertThat(runs("accounts")).hasSize(2);
        assertThat(scheduler.paused(SchedulePauses.Kind.SYNC, "accounts")).isEmpty();
        assertThatThrownBy(() -> scheduler.pause(SchedulePauses.Kind.SYNC, "contacts", "otto")).isInstanceOf(NothingToPause.class)
                .hasMessageContaining("schedule: manual");
    }

    @Test
    void a_sequence_runs_its_syncs_in_order_and_stops_at_the_first_that_fails() {
        ProjectConfig config = project.config("syncs:\n" + insertSync("accounts", "accounts", "Account", "Name", "")
                + insertSync("contacts", "contacts", "Contact", "LastName", "")
                + insertSync("broken", "broken", "Account", "Name", "")
                + """
                sequences:
                  nightly: {schedule: {every: 1h}, syncs: [accounts, broken, contacts], on_failure: stop}
                """).read();
        SyncScheduler scheduler = scheduler(config);
        scheduler.start();
        manual(scheduler).tick(Duration.ofHours(1));
        manual(scheduler).runAnyDueExecutions();

        assertThat(runs("accounts")).hasSize(1);
        assertThat(runs("broken")).singleElement().extracting(Run::status).isEqualTo(Run.Status.FAILED);
        assertThat(runs("contacts")).isEmpty();
        assertThat(runs("accounts").getFirst().finishedAt()).isBeforeOrEqualTo(runs("broken").getFirst().startedAt());
    }

    @Test
    void a_sequence_that_continues_on_failure_runs_the_rest() {
        ProjectConfig config = project.config("syncs:\n" + insertSync("contacts", "contacts", "Contact", "LastName", "")
                + insertSync("broken", "broken", "Account", "Name", "")
                + """
                sequences:
                  nightly: {schedule: {every: 1h}, syncs: [broken, contacts], on_failure: continue}
                """).read();
        SyncScheduler scheduler = scheduler(config);
        scheduler.start();
        manual(scheduler).tick(Duration.ofHours(1));
        manual(scheduler).runAnyDueExecutions();

        assertThat(runs("broken")).hasSize(1);
        assertThat(runs("contacts")).singleElement().extracting(Run::status).isEqualTo(Run.Status.SUCCEEDED);
    }

    @Test
    void a_run_stopped_by_the_daily_api_quota_waits_for_the_org_window_instead_of_retrying_every_slot() {
        ProjectConfig config = project.config("syncs:\n" + insertSync("accounts", "accounts", "Account", "Name", "schedule: {every: 15m}")).read();
        org.dailyApiLimit(100);
        org.apiRequestsUsed(100);
        dailyLimit = Optional.of(new OrgLimit("DailyApiRequests", 100, 0));
        SyncScheduler scheduler = scheduler(config);
        scheduler.start();
        manual(scheduler).tick(Duration.ofMinutes(15));
        manual(scheduler).runAnyDueExecutions();

        assertThat(runs("accounts")).singleElement().extracting(Run::status).isEqualTo(Run.Status.FAILED);
        // 10 calls needed of 100 a day: the window frees them in about 2.4 hours, not in the next 15-minute slot.
        Instant expected = clock.now().plus(Duration.ofMinutes(144));
        assertThat(scheduler.next("accounts")).contains(expected);
        manual(scheduler).tick(Duration.ofMinutes(15));
        manual(scheduler).runAnyDueExecutions();
        assertThat(runs("accounts")).hasSize(1);
    }

    @Test
    void a_scheduled_run_is_skipped_while_another_process_holds_the_sync() {
        ProjectConfig config = project.config("syncs:\n" + insertSync("accounts", "accounts", "Account", "Name", "schedule: {every: 15m}")).read();
        SyncScheduler scheduler = scheduler(config);
        scheduler.start();
        project.store().runLeases().tryAcquire(SyncId.of("accounts"), "sfsync run on another host", Duration.ofMinutes(10)).orElseThrow();

        manual(scheduler).tick(Duration.ofMinutes(15));
        manual(scheduler).runAnyDueExecutions();

        assertThat(runs("accounts")).isEmpty();
        assertThat(scheduler.next("accounts")).contains(clock.now().plus(Duration.ofMinutes(15)));
    }
}
