package dev.sfsync.emulator.org;

import dev.sfsync.emulator.faults.ApiKind;
import dev.sfsync.emulator.faults.DropRule;
import dev.sfsync.emulator.faults.ErrorRule;
import dev.sfsync.emulator.faults.FaultRules;
import dev.sfsync.emulator.faults.Firing;
import dev.sfsync.emulator.faults.RuleScope;
import dev.sfsync.emulator.http.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The org file's faults: and limits: sections. */
class FaultsAndLimitsSectionsTest {
    private static OrgDefinition load(String yaml) {
        return OrgDefinitionLoader.load(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml");
    }

    private static List<String> problems(String yaml) {
        try {
            load(yaml);
            return List.of();
        } catch (InvalidOrgDefinition e) {
            return e.problems();
        }
    }

    @Test
    void the_sections_are_read_into_rules_and_allowances() {
        OrgDefinition org = load("""
                limits:
                  dailyApiRequests: 5000
                  dailyBulkApiBatches: 10
                  bulkV2MaxUploadBytes: 1024
                faults:
                  seed: 42
                  errors:
                    - {api: rest, rate: 0.01, status: 503}
                    - {api: rest, rate: 0.05, errorCode: UNABLE_TO_LOCK_ROW}
                  dropConnections: [{api: bulk2, rate: 0.01, when: after}]
                  recordErrors: [{object: Account, rate: 0.05, errorCode: UNABLE_TO_LOCK_ROW}]
                """);

        assertThat(org.limits()).isEqualTo(new LimitSettings(5000, 10, 150_000_000, 1024, 10_000, 976_562));
        FaultRules faults = org.faults();
        assertThat(faults.seed()).isEqualTo(42L);
        assertThat(faults.errors()).containsExactly(
                new ErrorRule(new RuleScope(ApiKind.REST, null), new Firing(0.01, null), 503, null, null),
                new ErrorRule(new RuleScope(ApiKind.REST, null), new Firing(0.05, null), null, "UNABLE_TO_LOCK_ROW", null));
        assertThat(faults.dropConnections().getFirst().when()).isEqualTo(DropRule.When.AFTER);
        assertThat(faults.recordErrors().getFirst().object()).isEqualTo("Account");
    }

    @Test
    void an_org_file_without_the_sections_has_no_faults_and_salesforces_allowances() {
        OrgDefinition org = load("");
        assertThat(org.faults()).isEqualTo(FaultRules.NONE);
        assertThat(org.limits()).isEqualTo(LimitSettings.DEFAULTS);
    }

    @Test
    void rules_written_out_as_json_read_back_the_same() {
        FaultRules rules = load("""
                faults:
                  seed: -7
                  latency: [{api: soap, path: /Soap/m/, fixedMillis: 10, jitterMillis: 5, rate: 0.5, times: 4}]
                  errors: [{status: 502, times: 1}, {api: bulk1, errorCode: ExceededQuota, message: no more}]
                  dropConnections: [{rate: 0.2}]
                  tokenExpiry: [{api: rest, rate: 0.001}, {afterCalls: 50, times: 2}]
                  recordErrors: [{api: bulk2, errorCode: STORAGE_LIMIT_EXCEEDED}]
                """).faults();

        List<String> problems = new ArrayList<>();
        FaultRules reread = FaultsSection.read(Json.MAPPER.valueToTree(rules.toJson()), "", null, problems);

        assertThat(problems).isEmpty();
        assertThat(reread).isEqualTo(rules);
    }

    @Test
    void every_mistake_in_the_sections_is_reported_with_its_path_and_fix() {
        List<String> problems = problems("""
                limits:
                  dailyApiRequest: 10
                  dailyBulkApiBatches: -1
                faults:
                  errors:
                    - {status: 200}
                    - {status: 400}
                    - {errorCode: unable_to_lock_row}
                  latency: [{api: rest}]
                  dropConnections: [{when: later, path: "(unclosed"}]
                  tokenExpiry: [{afterCalls: 10, rate: 0.1}]
                  recordErrors: {object: Account}
                """);

        assertThat(problems).containsExactlyInAnyOrder(
                "limits.dailyApiRequest: unknown key (fix: did you mean 'dailyApiRequests'?)",
                "limits.dailyBulkApiBatches: '-1' is not a whole number from 0 to 1000000000000 (fix: e.g. dailyBulkApiBatches: 15000)",
                "faults.latency[0]: a latency rule without a delay (fix: add fixedMillis: 50 and/or jitterMillis: 20)",
                "faults.errors[0].status: '200' is not a whole number from 400 to 599 (fix: e.g. status: 503)",
                "faults.errors[1].status: 400 needs an errorCode (fix: add errorCode, e.g. UNABLE_TO_LOCK_ROW; a status alone may be one of 401, 403, 500, 502, 503, 504)",
                "faults.errors[2].errorCode: 'unable_to_lock_row' is not how Salesforce writes its codes (fix: UNABLE_TO_LOCK_ROW)",
                "faults.dropConnections[0].when: 'later' is not a moment (fix: before, to drop the request unprocessed, or after, to process it and drop the answer)",
                "faults.dropConnections[0].path: not a regular expression: Unclosed group (fix: a part of the request path, e.g. /composite/sobjects)",
                "faults.tokenExpiry[0]: give either afterCalls or rate (fix: afterCalls: 100 expires each token after 100 calls; rate: 0.01 expires the caller's token on 1 % of calls)",
                "faults.recordErrors: must be a list of rules (fix: e.g. recordErrors: [{object: Account, rate: 0.05, errorCode: UNABLE_TO_LOCK_ROW}])");
    }

    @Test
    void error_rates_that_add_up_past_one_for_an_api_are_refused() {
        assertThat(problems("""
                faults:
                  errors: [{rate: 0.6, status: 503}, {api: rest, rate: 0.5, status: 500}, {api: rest, rate: 0.9, status: 502, times: 1}]
                """)).containsExactly("faults.errors: the rates of the rules for rest calls add up to 1.1 (fix: at most 1 in all, since a call fails one way at most)");
    }

    @Test
    void the_loader_names_the_file_and_counts_the_problems() {
        assertThatThrownBy(() -> load("faults: {errors: [{rate: 2, status: 503}]}"))
                .isInstanceOf(InvalidOrgDefinition.class)
                .hasMessageStartingWith("org file test.yaml has 1 problem(s):")
                .hasMessageContaining("faults.errors[0].rate: '2' is not a rate");
    }
}
