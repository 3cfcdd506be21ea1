package dev.sfsync.store;

import dev.sfsync.core.RunId;
import dev.sfsync.core.SyncId;
import dev.sfsync.core.model.RowKey;
import dev.sfsync.core.outcome.OutcomeStatus;
import dev.sfsync.core.outcome.RowError;
import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.core.outcome.RunSummary;
import dev.sfsync.store.InboundCursors.InboundCursor;
import dev.sfsync.store.SalesforceConnection.Environment;
import dev.sfsync.store.SalesforceConnection.Secrets;
import dev.sfsync.store.SalesforceConnection.Status;
import dev.sfsync.store.secret.EncryptionKey;
import dev.sfsync.store.secret.SecretKeyUnusable;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The state store's behaviour, the same embedded (SQLite) and on Postgres. Subclasses open the store. */
abstract class StateStoreContract {
    static final String REFRESH_TOKEN = "5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJ";
    static final String CLIENT_SECRET = "ClientSecret-0123456789ABCDEF";
    static final SyncId ACCOUNTS = SyncId.of("accounts");

    final dev.sfsync.testing.MovableClock clock = new dev.sfsync.testing.MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
    StateStore store;

    /** A store on a fresh database, with this key; each call opens the same database again. */
    abstract StateStore open(EncryptionKey key);

    /** True if any stored form of the store's data (files or raw column values) contains this text. */
    abstract boolean storedDataContains(String text);

    static EncryptionKey key(int seed) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) seed);
        return EncryptionKey.of(bytes, "test key " + seed);
    }

    @BeforeEach
    void openStore() {
        store = open(key(1));
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    static SalesforceConnection production() {
        return new SalesforceConnection("prod", Environment.PRODUCTION, "https://login.salesforce.com", "https://acme.my.salesforce.com",
                "3MVG9consumerKey", "admin@acme.com", "00D000000000001AAA", Status.CONNECTED, null,
                new Secrets("00D!AQ4AQaccessToken", REFRESH_TOKEN, CLIENT_SECRET), null);
    }

    @Test
    void connections_keep_their_secrets_and_a_refresh_keeps_the_refresh_token() {
        store.connections().save(production());
        store.connections().save(new SalesforceConnection("sandbox", Environment.SANDBOX, "https://test.salesforce.com", null, "key", null, null,
                Status.EXPIRED, "token expired", Secrets.NONE, null));

        SalesforceConnection prod = store.connections().find("prod").orElseThrow();
        assertThat(prod.secrets()).isEqualTo(production().secrets());
        assertThat(prod.updatedAt()).isEqualTo(clock.instant());
        assertThat(prod.secrets().toString()).doesNotContain(REFRESH_TOKEN).contains("****");
        assertThat(store.connections().list()).extracting(SalesforceConnection::name).containsExactly("prod", "sandbox");

        store.connections().updateTokens("prod", "newAccessToken", null);
        assertThat(store.connections().find("prod").orElseThrow().secrets())
                .isEqualTo(new Secrets("newAccessToken", REFRESH_TOKEN, CLIENT_SECRET));
        store.connections().updateStatus("prod", Status.REVOKED, "refresh token revoked");
        assertThat(store.connections().find("prod").orElseThrow()).extracting(SalesforceConnection::status, SalesforceConnection::statusMessage)
                .containsExactly(Status.REVOKED, "refresh token revoked");
        assertThat(store.connections().delete("sandbox")).isTrue();
        assertThat(store.connections().find("sandbox")).isEmpty();
        assertThatThrownBy(() -> store.connections().updateStatus("nope", Status.ERROR, "x")).hasMessageContaining("No connection named 'nope'");
    }

    @Test
    void a_status_keeps_its_start_while_it_holds_and_a_disconnect_forgets_the_tokens_but_not_the_org() {
        Instant connectedAt = clock.instant();
        store.connections().save(production());
        clock.advance(Duration.ofHours(2));
        store.connections().recordCheck("prod", Status.CONNECTED, null);
        SalesforceConnection checked = store.connections().find("prod").orElseThrow();
        assertThat(checked.health().statusSince()).isEqualTo(connectedAt);
        assertThat(checked.health().lastOkAt()).isEqualTo(clock.instant());
        assertThat(checked.health().checkedAt()).isEqualTo(clock.instant());

        clock.advance(Duration.ofMinutes(5));
        store.connections().recordCheck("prod", Status.EXPIRED, "invalid_grant");
        SalesforceConnection expired = store.connections().find("prod").orElseThrow();
        assertThat(expired.health().statusSince()).isEqualTo(clock.instant());
        assertThat(expired.health().lastOkAt()).as("the last time it worked stays").isEqualTo(clock.instant().minus(Duration.ofMinutes(5)));

        SalesforceConnection forgotten = store.connections().forget("prod");
        assertThat(forgotten.status()).isEqualTo(Status.DISCONNECTED);
        assertThat(forgotten.secrets()).isEqualTo(Secrets.NONE);
        assertThat(forgotten.orgId()).isEqualTo(production().orgId());
        assertThat(forgotten.username()).isEqualTo(production().username());
    }

    @Test
    void secrets_are_unreadable_in_the_stored_data() {
        store.connections().save(production());
        store.close();
        store = null;
        assertThat(storedDataContains("admin@acme.com")).as("the test can see plain text where there is some").isTrue();
        assertThat(storedDataContains(REFRESH_TOKEN)).isFalse();
        assertThat(storedDataContains(CLIENT_SECRET)).isFalse();
        assertThat(storedDataContains("00D!AQ4AQaccessToken")).isFalse();
        assertThat(storedDataContains(java.util.Base64.getEncoder().encodeToString(REFRESH_TOKEN.getBytes()))).isFalse();
    }

    @Test
    void a_store_refuses_a_key_other_than_its_own() {
        store.connections().save(production());
        store.close();
        store = null;
        assertThatThrownBy(() -> open(key(2))).isInstanceOf(SecretKeyUnusable.class)
                .hasMessageContaining("encrypted with another key").hasMessageContaining("How to fix");
        store = open(key(1));
        assertThat(store.connections().find("prod").orElseThrow().secrets().refreshToken()).isEqualTo(REFRESH_TOKEN);
    }

    @Test
    void sync_definitions_are_saved_and_replaced() {
        store.syncs().save(ACCOUNTS, "mode: upsert");
        clock.advance(Duration.ofMinutes(1));
        store.syncs().save(ACCOUNTS, "mode: update");
        store.syncs().save(SyncId.of("contacts"), "mode: insert");
        assertThat(store.syncs().find(ACCOUNTS).orElseThrow()).extracting(SyncDefinitions.StoredSync::definition, SyncDefinitions.StoredSync::updatedAt)
                .containsExactly("mode: update", clock.instant());
        assertThat(store.syncs().list()).extracting(s -> s.id().value()).containsExactly("accounts", "contacts");
        assertThat(store.syncs().delete(ACCOUNTS)).isTrue();
        assertThat(store.syncs().find(ACCOUNTS)).isEmpty();
    }

    @Test
    void runs_start_running_and_finish_with_their_counts_newest_first() {
        Run first = store.runs().start(ACCOUNTS, Run.Kind.OUTBOUND);
        assertThat(first.status()).isEqualTo(Run.Status.RUNNING);
        assertThat(first.summary()).isEqualTo(RunSummary.EMPTY);
        clock.advance(Duration.ofSeconds(5));
        store.runs().finish(first.id(), Run.Status.PARTIAL, new RunSummary(5, 4, 0, 0, 1, 2), null);
        Run second = store.runs().start(ACCOUNTS, Run.Kind.OUTBOUND);
        store.runs().start(SyncId.of("inbound_leads"), Run.Kind.INBOUND);

        Run finished = store.runs().find(first.id()).orElseThrow();
        assertThat(finished.status()).isEqualTo(Run.Status.PARTIAL);
        assertThat(finished.summary()).isEqualTo(new RunSummary(5, 4, 0, 0, 1, 2));
        assertThat(finished.finishedAt()).isEqualTo(finished.startedAt().plusSeconds(5));
        assertThat(store.runs().recent(ACCOUNTS, 10)).extracting(Run::id).containsExactly(second.id(), first.id());
        assertThat(store.runs().recent(10)).hasSize(3);
        assertThatThrownBy(() -> store.runs().finish(RunId.of("missing"), Run.Status.FAILED, RunSummary.EMPTY, "x"))
                .hasMessageContaining("No run missing");
    }

    @Test
    void a_sync_has_one_lease_holder_until_it_releases_or_stops_renewing() {
        RunLease first = store.runLeases().tryAcquire(ACCOUNTS, "pid 1 on a", Duration.ofSeconds(60)).orElseThrow();
        assertThat(first.expiresAt()).isEqualTo(clock.instant().plusSeconds(60));
        assertThat(store.runLeases().tryAcquire(ACCOUNTS, "pid 2 on b", Duration.ofSeconds(60))).as("held").isEmpty();
        assertThat(store.runLeases().tryAcquire(SyncId.of("contacts"), "pid 2 on b", Duration.ofSeconds(60))).as("another sync").isPresent();

        clock.advance(Duration.ofSeconds(45));
        RunLease renewed = store.runLeases().renew(first).orElseThrow();
        assertThat(renewed.expiresAt()).isEqualTo(clock.instant().plusSeconds(60));
        clock.advance(Duration.ofSeconds(45));
        assertThat(store.runLeases().tryAcquire(ACCOUNTS, "pid 2 on b", Duration.ofSeconds(60))).as("renewed in time").isEmpty();

        RunId run = store.runs().start(ACCOUNTS, Run.Kind.OUTBOUND).id();
        assertThat(store.runLeases().attach(renewed, run).orElseThrow().run()).isEqualTo(run);
        assertThat(store.runLeases().current(ACCOUNTS).orElseThrow()).extracting(RunLease::holder, RunLease::run).containsExactly("pid 1 on a", run);

        store.runLeases().release(renewed);
        assertThat(store.runLeases().current(ACCOUNTS)).isEmpty();
        assertThat(store.runLeases().tryAcquire(ACCOUNTS, "pid 2 on b", Duration.ofSeconds(60))).as("released").isPresent();
    }

    @Test
    void an_expired_lease_is_free_and_its_old_holder_can_neither_renew_nor_release_the_new_one() {
        RunLease dead = store.runLeases().tryAcquire(ACCOUNTS, "pid 1 on a", Duration.ofSeconds(60)).orElseThrow();
        clock.advance(Duration.ofSeconds(60));
        assertThat(store.runLeases().current(ACCOUNTS).orElseThrow().expiredAt(clock.instant())).isTrue();

        RunLease taken = store.runLeases().tryAcquire(ACCOUNTS, "pid 2 on b", Duration.ofSeconds(60)).orElseThrow();
        assertThat(taken.run()).as("the new lease starts without the dead run").isNull();
        assertThat(store.runLeases().renew(dead)).isEmpty();
        assertThat(store.runLeases().attach(dead, RunId.of("r1"))).isEmpty();
        store.runLeases().release(dead);
        assertThat(store.runLeases().current(ACCOUNTS).orElseThrow().token()).isEqualTo(taken.token());
        assertThat(store.runLeases().all()).containsExactly(taken);
    }

    @Test
    void a_dead_run_is_interrupted_once_with_what_it_had_settled() {
        Run dead = store.runs().start(ACCOUNTS, Run.Kind.OUTBOUND);
        clock.advance(Duration.ofSeconds(1));
        Run live = store.runs().start(SyncId.of("contacts"), Run.Kind.OUTBOUND);
        Run done = store.runs().start(SyncId.of("leads"), Run.Kind.OUTBOUND);
        store.runs().finish(done.id(), Run.Status.SUCCEEDED, RunSummary.EMPTY, null);
        assertThat(store.runs().running()).extracting(Run::id).containsExactly(dead.id(), live.id());

        Instant lastAlive = clock.instant().plusSeconds(30);
        assertThat(store.runs().interrupt(dead.id(), lastAlive, new RunSummary(7, 0, 0, 0, 0, 0), "killed")).isTrue();
        assertThat(store.runs().interrupt(dead.id(), lastAlive, RunSummary.EMPTY, "again")).isFalse();
        assertThat(store.runs().interrupt(done.id(), lastAlive, RunSummary.EMPTY, "x")).as("a finished run stays as it ended").isFalse();
        Run interrupted = store.runs().find(dead.id()).orElseThrow();
        assertThat(interrupted).extracting(Run::status, Run::finishedAt, Run::message)
                .containsExactly(Run.Status.INTERRUPTED, lastAlive, "killed");
        assertThat(interrupted.summary().created()).isEqualTo(7);
        assertThat(store.runs().running()).extracting(Run::id).containsExactly(live.id());
    }

    @Test
    void write_intents_stay_until_their_rows_are_settled_and_are_paged_by_key() {
        RunId run = store.runs().start(ACCOUNTS, Run.Kind.OUTBOUND).id();
        store.intents().sending(ACCOUNTS, run, List.of(new WriteIntents.PendingRow(run, RowKey.of("EU", "1"), "EU-1"),
                new WriteIntents.PendingRow(run, RowKey.of("EU", "2"), "EU-2"), new WriteIntents.PendingRow(run, RowKey.of("US", "3"), null)));
        store.intents().jobOpened(ACCOUNTS, run, "bulk2", "750000000000001AAA");
        store.intents().sending(SyncId.of("contacts"), run, List.of(new WriteIntents.PendingRow(run, RowKey.of("9"), "9")));

        assertThat(store.intents().pendingRows(ACCOUNTS, null, 2)).extracting(WriteIntents.PendingRow::key)
                .containsExactly(RowKey.of("EU", "1"), RowKey.of("EU", "2"));
        assertThat(store.intents().pendingRows(ACCOUNTS, RowKey.of("EU", "2"), 2)).singleElement()
                .isEqualTo(new WriteIntents.PendingRow(run, RowKey.of("US", "3"), null));
        store.intents().settled(ACCOUNTS, List.of(RowKey.of("EU", "1")));
        assertThat(store.intents().countPendingRows(ACCOUNTS)).isEqualTo(2);
        assertThat(store.intents().pendingJobs(ACCOUNTS)).singleElement()
                .isEqualTo(new WriteIntents.PendingJob(run, "bulk2", "750000000000001AAA", clock.instant()));
        store.intents().jobSettled(ACCOUNTS, "750000000000001AAA");
        assertThat(store.intents().pendingJobs(ACCOUNTS)).isEmpty();

        store.intents().jobOpened(ACCOUNTS, run, "bulk1", "750000000000002AAA");
        store.intents().clear(ACCOUNTS);
        assertThat(store.intents().countPendingRows(ACCOUNTS)).isZero();
        assertThat(store.intents().pendingJobs(ACCOUNTS)).isEmpty();
        assertThat(store.intents().countPendingRows(SyncId.of("contacts"))).as("another sync's intents stay").isEqualTo(1);
    }

    @Test
    void row_outcomes_keep_each_rows_fate_with_its_error() {
        RunId run = store.runs().start(ACCOUNTS, Run.Kind.OUTBOUND).id();
        List<RowOutcome> outcomes = List.of(
                new RowOutcome.Created(RowKey.of("1"), "001000000000001AAA"),
                new RowOutcome.Updated(RowKey.of("EU", "2"), "001000000000002AAA"),
                new RowOutcome.Deleted(RowKey.of("3"), "001000000000003AAA"),
                new RowOutcome.Unchanged(RowKey.of("4")),
                new RowOutcome.RejectedLocally(RowKey.of("5"), RowError.of("STRING_TOO_LONG", "Name: data value too large", "Name")),
                new RowOutcome.Failed(RowKey.of("6"), RowError.of("UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access"), 3),
                new RowOutcome.Failed(RowKey.of("7"), RowError.of("UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access"), 1));
        store.outcomes().record(run, outcomes);

        assertThat(store.outcomes().summarize(run)).isEqualTo(new RunSummary(1, 1, 1, 1, 1, 2));
        assertThat(store.outcomes().errorCounts(run)).containsExactly(Map.entry("UNABLE_TO_LOCK_ROW", 2L), Map.entry("STRING_TOO_LONG", 1L));
        assertThat(store.outcomes().list(run, Set.of(), 100, 0)).containsExactlyInAnyOrderElementsOf(outcomes);
        assertThat(store.outcomes().list(run, Set.of(OutcomeStatus.FAILED), 1, 1)).containsExactly(outcomes.get(6));
    }

    @Test
    void rows_kept_as_counts_add_to_the_summary_but_not_to_the_listed_rows() {
        RunId run = store.runs().start(ACCOUNTS, Run.Kind.OUTBOUND).id();
        RowOutcome failed = new RowOutcome.Failed(RowKey.of("9"), RowError.of("UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access"), 2);
        store.outcomes().record(run, List.of(failed), 7L);
        store.outcomes().count(run, Map.of(OutcomeStatus.CREATED, 600_000L, OutcomeStatus.UPDATED, 399_998L), 7L);
        store.outcomes().count(run, Map.of(OutcomeStatus.CREATED, 1L, OutcomeStatus.DELETED, 0L), null);
        store.outcomes().record(run, List.of(new RowOutcome.Updated(RowKey.of("8"), "001000000000008AAA")));

        assertThat(store.outcomes().summarize(run)).isEqualTo(new RunSummary(600_001, 399_999, 0, 0, 0, 1));
        assertThat(store.outcomes().errorCounts(run)).containsExactly(Map.entry("UNABLE_TO_LOCK_ROW", 1L));
        assertThat(store.outcomes().list(run, Set.of(), 100, 0)).containsExactlyInAnyOrder(failed, new RowOutcome.Updated(RowKey.of("8"),
                "001000000000008AAA"));
        assertThat(store.outcomes().callOf(run, RowKey.of("9"))).contains(7L);
    }

    @Test
    void the_api_log_keeps_a_runs_calls_in_order() {
        RunId run = store.runs().start(ACCOUNTS, Run.Kind.OUTBOUND).id();
        ApiCall create = new ApiCall(run, clock.instant(), "POST", "/services/data/v62.0/jobs/ingest", 200, Duration.ofMillis(120), 300, 900, null);
        ApiCall upload = new ApiCall(run, clock.instant().plusSeconds(1), "PUT", "/services/data/v62.0/jobs/ingest/750/batches", 503,
                Duration.ofMillis(2400), 1_000_000, 120, "SERVER_UNAVAILABLE");
        store.apiLog().record(create);
        store.apiLog().record(upload);
        assertThat(store.apiLog().list(run)).containsExactly(create, upload);
        assertThat(store.apiLog().count(run)).isEqualTo(2);
    }

    @Test
    void a_calls_bodies_are_kept_apart_from_the_list_and_each_outcome_points_at_the_call_that_carried_it() {
        RunId run = store.runs().start(ACCOUNTS, Run.Kind.OUTBOUND).id();
        ApiCall login = new ApiCall(run, clock.instant(), "POST", "/services/oauth2/token", 200, Duration.ofMillis(40), 90, 400, null);
        ApiCall create = new ApiCall(run, clock.instant(), "POST", "/services/data/v62.0/composite/sobjects", 200, Duration.ofMillis(90), 300, 200, null);
        long first = store.apiLog().record(login, new CallBodies("grant_type=refresh_token&refresh_token=[REDACTED]", "{\"access_token\":\"[REDACTED]\"}"));
        long second = store.apiLog().record(create, new CallBodies("{\"records\":[{\"Name\":\"A\"}]}", "[{\"success\":false}]"));
        store.outcomes().record(run, List.of(new RowOutcome.Failed(RowKey.of("a"), new RowError("REQUIRED_FIELD_MISSING", "Required", List.of()), 1)),
                second);
        store.outcomes().record(run, List.of(new RowOutcome.Created(RowKey.of("b"), "001")));

        assertThat(second).isGreaterThan(first);
        assertThat(store.apiLog().list(run)).containsExactly(login, create);
        assertThat(store.apiLog().entries(run, first)).containsExactly(new LoggedCall(second, create));
        assertThat(store.apiLog().find(run, second)).contains(new LoggedCall(second, create));
        assertThat(store.apiLog().bodies(run, first)).isEqualTo(new CallBodies("grant_type=refresh_token&refresh_token=[REDACTED]",
                "{\"access_token\":\"[REDACTED]\"}"));
        assertThat(store.apiLog().bodies(run, 999_999)).isEqualTo(CallBodies.NONE);
        assertThat(store.outcomes().callOf(run, RowKey.of("a"))).contains(second);
        assertThat(store.outcomes().callOf(run, RowKey.of("b"))).isEmpty();
    }

    @Test
    void inbound_cursors_resume_where_the_last_sync_stopped() {
        SyncId leads = SyncId.of("leads_inbound");
        assertThat(store.cursors().find(leads)).isEmpty();
        InboundCursor cursor = new InboundCursor(Instant.parse("2026-01-01T10:15:30Z"), "00Q000000000123AAA");
        store.cursors().save(leads, cursor);
        assertThat(store.cursors().find(leads)).contains(cursor);
        store.cursors().save(leads, new InboundCursor(Instant.parse("2026-01-02T00:00:00Z"), null));
        assertThat(store.cursors().find(leads).orElseThrow().lastId()).isNull();
        store.cursors().clear(leads);
        assertThat(store.cursors().find(leads)).isEmpty();
    }

    @Test
    void retention_prunes_the_details_of_old_runs_beyond_the_newest_ones() {
        List<RunId> runs = new java.util.ArrayList<>();
        for (int day = 0; day < 5; day++) {
            RunId run = store.runs().start(ACCOUNTS, Run.Kind.OUTBOUND).id();
            store.outcomes().record(run, List.of(new RowOutcome.Created(RowKey.of("a"), "001"), new RowOutcome.Unchanged(RowKey.of("b"))));
            store.outcomes().count(run, Map.of(OutcomeStatus.UPDATED, 3L), null);
            store.apiLog().record(new ApiCall(run, clock.instant(), "GET", "/services/data", 200, Duration.ZERO, 0, 10, null),
                    new CallBodies(null, "{\"sobjects\":[]}"));
            store.cancellations().request(run, "ada");
            store.runs().finish(run, Run.Status.SUCCEEDED, store.outcomes().summarize(run), null);
            runs.add(run);
            clock.advance(Duration.ofDays(1));
        }
        RunId running = store.runs().start(ACCOUNTS, Run.Kind.OUTBOUND).id();
        store.outcomes().record(running, List.of(new RowOutcome.Created(RowKey.of("c"), "001")));

        // Older than 2 days: the runs of days 0, 1 and 2; but day 2's is among the sync's 4 newest runs, so it is kept.
        PruneResult pruned = store.prune(new RetentionPolicy(Duration.ofDays(2).plusHours(1), 4));
        assertThat(pruned).as("outcomes kept as counts go too, and are counted as the rows they stood for").isEqualTo(new PruneResult(2, 10, 2, 0, 0));
        assertThat(store.outcomes().summarize(runs.get(0)).rows()).isZero();
        assertThat(store.apiLog().count(runs.get(1))).isZero();
        assertThat(store.apiLog().bodies(runs.get(1), 2)).as("bodies go with their calls").isEqualTo(CallBodies.NONE);
        assertThat(store.cancellations().requested(runs.get(1))).as("and cancel requests").isEmpty();
        assertThat(store.cancellations().requested(runs.get(2))).isPresent();
        assertThat(store.apiLog().bodies(runs.get(2), 3).response()).isEqualTo("{\"sobjects\":[]}");
        assertThat(store.runs().find(runs.get(0)).orElseThrow().detailsPrunedAt()).isEqualTo(clock.instant());
        assertThat(store.runs().find(runs.get(0)).orElseThrow().summary().created()).as("the run's counts stay").isEqualTo(1);
        assertThat(store.outcomes().summarize(runs.get(2)).rows()).isEqualTo(5);
        assertThat(store.outcomes().summarize(running).rows()).isEqualTo(1);
        assertThat(store.prune(new RetentionPolicy(Duration.ofDays(2).plusHours(1), 4))).isEqualTo(PruneResult.NOTHING);
    }

    @Test
    void retention_removes_bodies_then_details_then_whole_runs_by_age_and_a_dry_run_counts_the_same_without_removing() {
        SyncId contacts = SyncId.of("contacts");
        List<RunId> runs = new java.util.ArrayList<>();
        for (int day = 0; day < 10; day++) {
            runs.add(finishedRun(ACCOUNTS));
            finishedRun(contacts);
            clock.advance(Duration.ofDays(1));
        }
        // runs 0-9 are now 10..1 days old; the 2 newest of each sync keep everything
        RetentionPolicy policy = new RetentionPolicy(Duration.ofDays(5).plusHours(1), 2, Duration.ofDays(3).plusHours(1),
                Duration.ofDays(8).plusHours(1));
        PruneResult expected = new PruneResult(2 * 3, 2 * 5 * 2, 2 * 5, 2 * 2, 2 * 2);
        assertThat(store.prunable(policy)).isEqualTo(expected);
        assertThat(store.runs().find(runs.get(0))).as("a dry run removes nothing").isPresent();
        assertThat(store.apiLog().count(runs.get(0))).isEqualTo(1);

        assertThat(store.prune(policy)).isEqualTo(expected);
        assertThat(store.runs().find(runs.get(0))).as("older than 8 days: gone").isEmpty();
        assertThat(store.runs().find(runs.get(1))).isEmpty();
        assertThat(store.outcomes().summarize(runs.get(0)).rows()).isZero();
        assertThat(store.runs().find(runs.get(2)).orElseThrow().detailsPrunedAt()).as("older than 5 days: details gone").isNotNull();
        assertThat(store.apiLog().count(runs.get(4))).isZero();
        assertThat(store.runs().find(runs.get(5)).orElseThrow().detailsPrunedAt()).as("5 days old: details kept").isNull();
        assertThat(store.apiLog().count(runs.get(5))).isEqualTo(1);
        assertThat(store.apiLog().bodies(runs.get(5), 11)).as("but not its bodies").isEqualTo(CallBodies.NONE);
        assertThat(store.apiLog().bodies(runs.get(7), 15).response()).as("3 days old: bodies kept").isEqualTo("{\"sobjects\":[]}");
        assertThat(store.outcomes().summarize(runs.get(9)).rows()).isEqualTo(2);
        assertThat(store.prunable(policy)).isEqualTo(PruneResult.NOTHING);
    }

    @Test
    void retention_keeps_the_newest_runs_a_running_run_and_a_run_whose_rows_a_crash_left_to_reconcile_whatever_their_age() {
        RunId running = store.runs().start(ACCOUNTS, Run.Kind.OUTBOUND).id();
        store.outcomes().record(running, List.of(new RowOutcome.Created(RowKey.of("c"), "001")));
        SyncId contacts = SyncId.of("contacts");
        RunId interrupted = finishedRun(contacts);
        store.intents().sending(contacts, interrupted, List.of(new WriteIntents.PendingRow(interrupted, RowKey.of("k"), null)));
        RunId withJob = finishedRun(contacts);
        store.intents().jobOpened(contacts, withJob, "bulk2", "7500000000000AB");
        SyncId leads = SyncId.of("leads");
        List<RunId> leadRuns = List.of(finishedRun(leads), finishedRun(leads), finishedRun(leads));
        clock.advance(Duration.ofDays(400));
        finishedRun(contacts);

        RetentionPolicy policy = new RetentionPolicy(Duration.ofDays(1), 1, Duration.ofDays(1), Duration.ofDays(1));
        assertThat(store.prune(policy)).isEqualTo(new PruneResult(0, 4, 2, 0, 2));
        assertThat(store.outcomes().summarize(running).rows()).as("running").isEqualTo(1);
        assertThat(store.runs().find(interrupted)).as("rows to reconcile").isPresent();
        assertThat(store.runs().find(withJob)).as("a Bulk job to reconcile").isPresent();
        assertThat(store.runs().find(leadRuns.get(0))).as("beyond the newest").isEmpty();
        assertThat(store.runs().find(leadRuns.get(1))).isEmpty();
        assertThat(store.outcomes().summarize(leadRuns.get(2)).rows()).as("the newest").isEqualTo(2);
    }

    @Test
    void retention_keeps_a_syncs_last_successful_run_behind_newer_failed_ones_whatever_its_age() {
        RunId success = finishedRun(ACCOUNTS);
        RunId olderSuccess = success;
        success = finishedRun(ACCOUNTS);
        List<RunId> failed = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RunId run = store.runs().start(ACCOUNTS, Run.Kind.OUTBOUND).id();
            store.runs().finish(run, Run.Status.FAILED, RunSummary.EMPTY, "login refused");
            failed.add(run);
            clock.advance(Duration.ofSeconds(1));
        }
        clock.advance(Duration.ofDays(400));

        store.prune(new RetentionPolicy(Duration.ofDays(1), 1, Duration.ofDays(1), Duration.ofDays(1)));

        assertThat(store.runs().find(success)).as("the last success, kept as a run").isPresent();
        assertThat(store.runs().find(olderSuccess)).isEmpty();
        assertThat(store.runs().find(failed.get(0))).isEmpty();
        assertThat(store.runs().find(failed.get(2))).as("the newest").isPresent();
    }

    private RunId finishedRun(SyncId sync) {
        RunId run = store.runs().start(sync, Run.Kind.OUTBOUND).id();
        store.outcomes().record(run, List.of(new RowOutcome.Created(RowKey.of("a"), "001"), new RowOutcome.Unchanged(RowKey.of("b"))));
        store.apiLog().record(new ApiCall(run, clock.instant(), "GET", "/services/data", 200, Duration.ZERO, 0, 10, null),
                new CallBodies(null, "{\"sobjects\":[]}"));
        store.runs().finish(run, Run.Status.SUCCEEDED, store.outcomes().summarize(run), null);
        clock.advance(Duration.ofSeconds(1));
        return run;
    }
}
