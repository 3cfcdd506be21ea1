package dev.sfsync.engine.project;

import dev.sfsync.engine.inbound.InboundProgress;
import dev.sfsync.engine.inbound.InboundResult;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Inbound runs under the emulator's faults, and a sync pointed at another org. */
class InboundResilienceTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/inbound-test.yaml");

    @RegisterExtension
    static final EmulatedOrg production = EmulatedOrg.withDefinition("orgs/engine-test.yaml");

    static final String CONTACTS = """
            inbound:
              contacts_in:
                object: Contact
                table: sf_contacts
                fields: [LastName, Email]
            """;

    @TempDir
    Path dir;

    private static List<String> create(EmulatedOrg target, EngineHarness harness, int count, String prefix) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(Map.of("LastName", prefix + i));
        }
        List<String> ids = new ArrayList<>();
        try (SalesforceClient admin = harness.clientAs(target.username(), target.password())) {
            for (int i = 0; i < records.size(); i += 200) {
                admin.rest().collections().create("Contact", records.subList(i, Math.min(records.size(), i + 200)), false).forEach(r -> ids.add(r.id()));
            }
        }
        return ids;
    }

    private static Set<String> ids(EngineHarness harness) {
        return harness.query("select id from sf_contacts").stream().map(r -> (String) r.get("id")).collect(Collectors.toSet());
    }

    private static Set<String> orgIds(EmulatedOrg target) {
        return target.records("Contact").stream().map(r -> (String) r.get("Id")).collect(Collectors.toSet());
    }

    /** Runs until one finishes (each failure committed nothing); returns the successful result and how many failed. */
    private static InboundResult runThroughFaults(EngineHarness harness, int[] failures) {
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                return harness.project().runInbound("contacts_in", false, InboundProgress.NONE);
            } catch (RuntimeException e) {
                failures[0]++;
            }
        }
        throw new AssertionError("ten runs failed under the faults");
    }

    @Test
    void under_503s_token_expiry_dropped_connections_and_the_daily_limit_reruns_end_equal_to_the_org() {
        try (EngineHarness harness = new EngineHarness(dir, org)) {
            harness.config(CONTACTS + "    api: bulk2\n");
            create(org, harness, 450, "Person ");
            org.faults().set("""
                    errors: [{api: bulk2, times: 2, status: 503}]
                    tokenExpiry: [{afterCalls: 4}]
                    dropConnections: [{api: bulk2, times: 1, when: after, path: results}]
                    """);
            int[] failures = {0};
            InboundResult initial = runThroughFaults(harness, failures);
            assertThat(initial.initial()).isTrue();
            assertThat(ids(harness)).isEqualTo(orgIds(org)).hasSize(450);

            org.faults().clear();
            create(org, harness, 30, "Later ");
            org.faults().failNextCalls("REQUEST_LIMIT_EXCEEDED", 1);
            InboundResult delta = runThroughFaults(harness, failures);
            assertThat(failures[0]).isPositive();
            assertThat(delta.initial()).isFalse();
            assertThat(ids(harness)).isEqualTo(orgIds(org)).hasSize(480);
            assertThat(harness.query("select count(*) as n, count(distinct id) as d from sf_contacts").getFirst())
                    .containsEntry("n", 480L).containsEntry("d", 480L);
        }
    }

    @Test
    void pointing_the_sync_at_another_org_rebuilds_the_table_from_that_org() {
        try (EngineHarness sandbox = new EngineHarness(dir, org)) {
            sandbox.config(CONTACTS);
            create(org, sandbox, 3, "Sandbox ");
            assertThat(sandbox.project().runInbound("contacts_in", false, InboundProgress.NONE).initial()).isTrue();
        }
        try (EngineHarness prod = new EngineHarness(dir, production)) {
            prod.config(CONTACTS);
            create(production, prod, 2, "Production ");

            InboundResult first = prod.project().runInbound("contacts_in", false, InboundProgress.NONE);

            assertThat(first.initial()).isTrue();
            assertThat(first.notices()).anyMatch(n -> n.contains("first run against this org"));
            assertThat(ids(prod)).isEqualTo(orgIds(production)).hasSize(2);
            assertThat(prod.project().runInbound("contacts_in", false, InboundProgress.NONE).initial()).isFalse();
        }
    }
}
