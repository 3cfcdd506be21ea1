package dev.sfsync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectCommandsTest {
    @TempDir
    Path project;

    @Test
    void init_scaffolds_a_project_that_validates() {
        Result init = sfsync("init", project.toString());
        assertThat(init.exitCode()).isZero();
        assertThat(project.resolve("sfsync.yaml")).exists();
        assertThat(project.resolve("data/accounts.csv")).content().startsWith("account_key,name,tier,employees");
        assertThat(project.resolve(".gitignore")).content().contains(".sfsync/", "secrets/");
        assertThat(project.resolve("secrets/emulator-client-secret")).content().isEqualTo("sfsync-emulator-secret\n");

        Result validate = sfsync("validate", "--project", project.toString());
        assertThat(validate.exitCode()).isZero();
        assertThat(validate.out()).contains("sfsync.yaml is valid", "1 sync(s): accounts");
    }

    @Test
    void init_refuses_to_overwrite_a_project() throws Exception {
        Files.writeString(project.resolve("sfsync.yaml"), "# mine\n");
        Result init = sfsync("init", project.toString());
        assertThat(init.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(init.err()).contains("already has sfsync.yaml", "--force");
        assertThat(project.resolve("sfsync.yaml")).hasContent("# mine");
    }

    @Test
    void validate_lists_every_problem_with_its_location_and_exits_3() throws Exception {
        Files.writeString(project.resolve("sfsync.yaml"), """
                connections:
                  prod: {client_id: abc}
                models:
                  accounts: {sql: select 1 as id, primary_key: id}
                syncs:
                  accounts: {model: accounts, object: Account, mode: upsert, mappings: [{from: name, too: Name}]}
                """);
        Result validate = sfsync("validate", "-p", project.toString());
        assertThat(validate.exitCode()).isEqualTo(ExitCodes.CONFIG_INVALID);
        assertThat(validate.err()).contains("sfsync.yaml has 3 problem(s):",
                "sfsync.yaml:6:3: syncs.accounts.match: a upsert sync needs a match",
                "sfsync.yaml:6:86: syncs.accounts.mappings[0].too: unknown key 'too' (fix: did you mean 'to'?)",
                "sfsync.yaml:6:73: syncs.accounts.mappings[0].to: missing (fix: name the Salesforce field to set)");
    }

    @Test
    void validate_speaks_json() throws Exception {
        sfsync("init", project.toString());
        Result validate = sfsync("validate", "-p", project.toString(), "--json");
        JsonNode body = new ObjectMapper().readTree(validate.out());
        assertThat(body.path("valid").asBoolean()).isTrue();
        assertThat(body.path("problems")).isEmpty();
        assertThat(body.path("syncs").get(0).asText()).isEqualTo("accounts");
    }

    @Test
    void a_directory_without_a_project_says_how_to_start_one() {
        Result validate = sfsync("validate", "-p", project.toString());
        assertThat(validate.exitCode()).isEqualTo(ExitCodes.CONFIG_INVALID);
        assertThat(validate.err()).contains("no sfsync.yaml in", "run 'sfsync init' there");
    }

    record Result(int exitCode, String out, String err) {
    }

    static Result sfsync(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = SfsyncCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
