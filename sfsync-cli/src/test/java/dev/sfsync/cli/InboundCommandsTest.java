package dev.sfsync.cli;

import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static dev.sfsync.cli.ProjectCommandsTest.sfsync;
import static org.assertj.core.api.Assertions.assertThat;

class InboundCommandsTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/cli-test.yaml");

    @TempDir
    Path project;

    private String[] args(String... args) {
        return ConnectedProject.args(project, args);
    }

    @Test
    void run_fills_the_table_full_rebuilds_it_and_why_missing_explains_a_record_outside_the_filter() throws Exception {
        ConnectedProject.write(org, project, """
                sources:
                  warehouse: {url: "jdbc:duckdb:warehouse.duckdb"}
                inbound:
                  accounts_in:
                    object: Account
                    table: sf_accounts
                    fields: [Name]
                    filter: "Name != 'Hidden'"
                """);
        ConnectedProject.connect(org, project);
        String hidden;
        try (var client = dev.sfsync.salesforce.SalesforceClient.builder().loginHost(dev.sfsync.salesforce.auth.LoginHost.of(org.loginUrl()))
                .credentials(dev.sfsync.salesforce.auth.Credentials.password(org.clientId(), org.clientSecret(), org.username(), org.password()))
                .workDirectory(project).build()) {
            client.rest().create("Account", Map.of("Name", "Shown"));
            hidden = client.rest().create("Account", Map.of("Name", "Hidden")).id();
        }

        ProjectCommandsTest.Result run = sfsync(args("run", "accounts_in"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("accounts_in: initial sync into sf_accounts (REST): 1 created, 0 updated, 0 deleted, 0 unchanged");
        assertThat(sfsync(args("run", "accounts_in")).out()).contains("accounts_in: delta into sf_accounts");
        assertThat(sfsync(args("run", "--full", "accounts_in")).out()).contains("--full: the table is rebuilt", "initial sync into sf_accounts");

        ProjectCommandsTest.Result why = sfsync(args("why-missing", "accounts_in", hidden));
        assertThat(why.exitCode()).isEqualTo(ExitCodes.ROWS_FAILED);
        assertThat(why.out()).contains(hidden + " does not meet the sync's filter (Name != 'Hidden')");
        assertThat(sfsync(args("runs")).out()).contains("accounts_in");
    }
}
