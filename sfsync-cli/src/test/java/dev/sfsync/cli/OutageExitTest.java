package dev.sfsync.cli;

import dev.sfsync.testing.EmulatedOrg;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;

import static dev.sfsync.cli.ProjectCommandsTest.sfsync;
import static org.assertj.core.api.Assertions.assertThat;

/** A total outage (503 on every call) ends `sfsync run` with exit 4 and the outage's code after a bounded number of calls. */
class OutageExitTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/cli-test.yaml");

    @TempDir
    Path project;

    @Test
    void a_run_into_a_total_outage_exits_4_with_the_outages_code_after_a_bounded_number_of_calls() throws Exception {
        try (var c = DriverManager.getConnection("jdbc:duckdb:" + project.resolve("warehouse.duckdb")); var s = c.createStatement()) {
            s.execute("create table accounts as select 'A' || i as id, 'Account ' || i as name from range(2000) t(i)");
        }
        AccountsProject.write(project, org, org.loginUrl(),
                "{model: accounts, object: Account, mode: upsert, match: {column: id, field: External_Key__c}, mappings: [{from: name, to: Name}]}");
        assertThat(sfsync("connect", "local", "--username", org.username(), "--password", org.password(), "--project", project.toString())
                .exitCode()).isZero();
        org.faults().set("errors: [{rate: 1.0, status: 503}]");

        ProjectCommandsTest.Result result = sfsync("run", "accounts", "--project", project.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.SALESFORCE_UNAVAILABLE);
        assertThat(result.out() + result.err()).contains("503").doesNotContain("Exception", "\tat ");
        assertThat(org.faults().log().size()).as("calls sent into the outage: a few tries, not every chunk many times").isLessThan(60);
        assertThat(org.records("Account")).isEmpty();
    }
}
