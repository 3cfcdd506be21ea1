package dev.sfsync.cli;

import dev.sfsync.testing.EmulatedOrg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The CLI tests' project: connection 'local' to the emulated org, a DuckDB warehouse, model 'accounts' and one sync of it. */
final class AccountsProject {
    private AccountsProject() {
    }

    /** Writes sfsync.yaml (and the client secret it references) with the given body of the sync 'accounts'. */
    static void write(Path project, EmulatedOrg org, String loginUrl, String accountsSync) throws IOException {
        Files.writeString(project.resolve("client.secret"), org.clientSecret());
        Files.writeString(project.resolve("sfsync.yaml"), """
                connections:
                  local: {environment: custom, login_url: %s, client_id: %s, client_secret: "${file:client.secret}"}
                sources:
                  warehouse: {url: "jdbc:duckdb:warehouse.duckdb"}
                models:
                  accounts: {sql: select * from accounts, primary_key: id}
                syncs:
                  accounts:
                """.formatted(loginUrl, org.clientId()) + accountsSync.indent(4));
    }
}
