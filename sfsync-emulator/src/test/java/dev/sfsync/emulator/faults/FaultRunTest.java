package dev.sfsync.emulator.faults;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class FaultRunTest {
    private static final RuleScope REST = new RuleScope(ApiKind.REST, null);
    private final FaultLog log = new FaultLog(100_000);

    private static FaultRules errors(ErrorRule... rules) {
        return FaultRules.NONE.withErrors(List.of(rules));
    }

    private static ErrorRule restError(double rate, Integer status, String code) {
        return new ErrorRule(REST, new Firing(rate, null), status, code, null);
    }

    /** The numbers of the calls (1-based) among {@code calls} REST calls that failed. */
    private List<Long> failedCalls(FaultRules rules, long seed, int calls) {
        FaultRun run = new FaultRun(rules, seed);
        List<Long> failed = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            CallFaults faults = run.nextCall(ApiKind.REST, "GET", "/services/data/v60.0/limits", "token", log);
            if (faults.error() != null) {
                failed.add(faults.call());
            }
        }
        return failed;
    }

    @Test
    void rates_of_zero_and_one_never_and_always_fire() {
        assertThat(failedCalls(errors(restError(0, 503, null)), 1, 1_000)).isEmpty();
        assertThat(failedCalls(errors(restError(1, 503, null)), 1, 1_000)).hasSize(1_000);
    }

    @Test
    void the_same_seed_fails_the_same_calls_and_another_seed_other_calls() {
        FaultRules rules = errors(restError(0.05, 503, null));
        List<Long> first = failedCalls(rules, 42, 1_000);
        assertThat(failedCalls(rules, 42, 1_000)).isEqualTo(first);
        assertThat(failedCalls(rules, 43, 1_000)).isNotEqualTo(first);
    }

    @Test
    void a_fractional_rate_fails_about_that_share_of_calls() {
        int failed = failedCalls(errors(restError(0.05, 503, null)), 7, 10_000).size();
        System.out.println("rate 0.05 over 10,000 calls, seed 7: " + failed + " failed");
        assertThat(failed).isBetween(420, 580);
    }

    @Test
    void rules_of_one_kind_share_one_draw_so_each_keeps_its_own_rate() {
        FaultRun run = new FaultRun(errors(restError(0.3, 503, null), restError(0.2, null, "UNABLE_TO_LOCK_ROW")), 11);
        int unavailable = 0;
        int locked = 0;
        for (int i = 0; i < 10_000; i++) {
            InjectedCallError error = run.nextCall(ApiKind.REST, "GET", "/x", null, log).error();
            if (error != null && error.status() == 503) {
                unavailable++;
            } else if (error != null) {
                locked++;
            }
        }
        System.out.println("rates 0.3 / 0.2 over 10,000 calls: " + unavailable + " / " + locked);
        assertThat(unavailable).isBetween(2_800, 3_200);
        assertThat(locked).isBetween(1_800, 2_200);
    }

    @Test
    void times_limits_a_rule_to_its_first_firings() {
        FaultRules rules = errors(new ErrorRule(REST, Firing.times(3), null, "UNABLE_TO_LOCK_ROW", null));
        assertThat(failedCalls(rules, 5, 10)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void a_rule_applies_only_to_its_api_and_path() {
        ErrorRule composite = new ErrorRule(new RuleScope(ApiKind.REST, Pattern.compile("/composite/")), Firing.ALWAYS, 503, null, null);
        FaultRun run = new FaultRun(errors(composite), 1);
        assertThat(run.nextCall(ApiKind.REST, "POST", "/services/data/v60.0/composite/sobjects", null, log).error()).isNotNull();
        assertThat(run.nextCall(ApiKind.REST, "GET", "/services/data/v60.0/limits", null, log).error()).isNull();
        assertThat(run.nextCall(ApiKind.BULK2, "POST", "/services/data/v60.0/jobs/ingest/composite/", null, log).error()).isNull();
    }

    @Test
    void rules_without_an_api_leave_oauth_alone() {
        FaultRun run = new FaultRun(errors(new ErrorRule(RuleScope.EVERY_API, Firing.ALWAYS, 503, null, null)), 1);
        assertThat(run.nextCall(ApiKind.OAUTH, "POST", "/services/oauth2/token", null, log).error()).isNull();
        assertThat(run.nextCall(ApiKind.SOAP, "POST", "/services/Soap/u/60.0", null, log).error()).isNotNull();
    }

    @Test
    void each_token_serves_after_calls_calls_and_the_next_finds_it_expired() {
        FaultRun run = new FaultRun(new FaultRules(null, List.of(), List.of(), List.of(), List.of(TokenExpiryRule.afterCalls(3)), List.of()), 1);
        List<Boolean> expired = new ArrayList<>();
        for (String token : List.of("a", "a", "a", "a", "b", "b", "b", "b")) {
            expired.add(run.nextCall(ApiKind.REST, "GET", "/x", token, log).expireToken());
        }
        assertThat(expired).containsExactly(false, false, false, true, false, false, false, true);
    }

    @Test
    void latency_adds_the_fixed_delay_and_a_jitter_within_its_bound() {
        FaultRun run = new FaultRun(new FaultRules(null, List.of(new LatencyRule(REST, Firing.ALWAYS, 100, 20)), List.of(), List.of(),
                List.of(), List.of()), 3);
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            delays.add(run.nextCall(ApiKind.REST, "GET", "/x", null, log).delayMillis());
        }
        assertThat(delays).allSatisfy(d -> assertThat(d).isBetween(100L, 120L));
        assertThat(delays).contains(100L, 120L);
    }

    @Test
    void record_rules_match_their_object_and_number_records_on_their_own() {
        RecordErrorRule contacts = new RecordErrorRule(null, "Contact", Firing.ALWAYS, "UNABLE_TO_LOCK_ROW", null);
        FaultRun run = new FaultRun(FaultRules.NONE.withRecordErrors(List.of(contacts)), 1);
        assertThat(run.nextRecord(ApiKind.REST, "Account", log)).isEmpty();
        assertThat(run.nextRecord(ApiKind.BULK2, "contact", log)).contains(
                new InjectedRecordError("UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record"));
        assertThat(run.records()).isEqualTo(2);
        assertThat(run.calls()).isZero();
    }

    @Test
    void status_alone_and_code_alone_are_completed_from_the_catalogue() {
        assertThat(ErrorCatalogue.resolve(restError(1, 503, null), 1, 1))
                .isEqualTo(new InjectedCallError(503, "SERVER_UNAVAILABLE", "Server Unavailable", false, true));
        assertThat(ErrorCatalogue.resolve(restError(1, null, "UNABLE_TO_LOCK_ROW"), 1, 1).status()).isEqualTo(400);
        assertThat(ErrorCatalogue.resolve(restError(1, 502, null), 1, 1).errorCode()).as("gateway errors carry no Salesforce code").isNull();
        assertThat(ErrorCatalogue.resolve(restError(1, 500, null), 9, 1).message())
                .startsWith("An unexpected error occurred. Please include this ErrorId if you contact support: ")
                .isEqualTo(ErrorCatalogue.resolve(restError(1, 500, null), 9, 1).message());
    }
}
