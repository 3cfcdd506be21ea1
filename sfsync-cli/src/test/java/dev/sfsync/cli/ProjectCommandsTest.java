package dev.sfsync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfsync.salesforce.retry.Sleeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

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

    /** Three problems: a missing match, a misspelt key, and so a missing one. */
    private static final String BROKEN_CONFIG = """
            connections:
              prod: {client_id: abc}
            models:
              accounts: {sql: select 1 as id, primary_key: id}
            syncs:
              accounts: {model: accounts, object: Account, mode: upsert, mappings: [{from: name, too: Name}]}
            """;

    @Test
    void validate_lists_every_problem_with_its_location_and_exits_3() throws Exception {
        Files.writeString(project.resolve("sfsync.yaml"), BROKEN_CONFIG);
        Result validate = sfsync("validate", "-p", project.toString());
        assertThat(validate.exitCode()).isEqualTo(ExitCodes.CONFIG_INVALID);
        assertThat(validate.err()).contains("sfsync.yaml has 3 problem(s):",
                "sfsync.yaml:6:3: syncs.accounts.match: a upsert sync needs a match",
                "sfsync.yaml:6:86: syncs.accounts.mappings[0].too: unknown key 'too' (fix: did you mean 'to'?)",
                "sfsync.yaml:6:73: syncs.accounts.mappings[0].to: missing (fix: name the Salesforce field to set)");
    }

    @Test
    void validate_json_of_a_broken_project_lists_each_problem_with_its_line() throws Exception {
        Files.writeString(project.resolve("sfsync.yaml"), BROKEN_CONFIG);
        Result validate = sfsync("validate", "-p", project.toString(), "--json");
        assertThat(validate.exitCode()).isEqualTo(ExitCodes.CONFIG_INVALID);
        JsonNode body = new ObjectMapper().readTree(validate.out());
        assertThat(body.path("valid").asBoolean()).isFalse();
        assertThat(body.path("problems")).hasSize(3);
        JsonNode misspelt = body.path("problems").get(1);
        assertThat(misspelt.path("path").asText()).isEqualTo("syncs.accounts.mappings[0].too");
        assertThat(misspelt.path("line").asInt()).isEqualTo(6);
        assertThat(misspelt.path("fix").asText()).isEqualTo("did you mean 'to'?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plan accounts", "run accounts", "run --all", "runs", "runs show 20250101-120000-000-ab12", "connect prod",
            "connections", "validate --remote"})
    void every_project_command_refuses_a_broken_project_file_with_every_problem_and_exits_3(String command) throws Exception {
        Files.writeString(project.resolve("sfsync.yaml"), BROKEN_CONFIG);
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--project", project.toString()));
        Result result = sfsync(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.CONFIG_INVALID);
        assertThat(result.err()).contains("sfsync.yaml has 3 problem(s):", "sfsync.yaml:6:3: syncs.accounts.match: a upsert sync needs a match",
                "(fix: did you mean 'to'?)");
        assertThat(project.resolve(".sfsync")).as("nothing is stored for a broken project").doesNotExist();
    }

    @Test
    void a_command_named_first_is_built_alone_and_anything_else_gets_the_whole_tree() {
        assertThat(SfsyncCommand.commandLine(NO_WAIT, "run", "accounts").getSubcommands()).containsOnlyKeys("run");
        assertThat(SfsyncCommand.commandLine(NO_WAIT, "runs", "show", "x").getSubcommands().get("runs").getSubcommands()).containsKey("show");
        assertThat(SfsyncCommand.commandLine(NO_WAIT, "help", "run").getSubcommands()).containsKeys("help", "run", "validate");
        assertThat(SfsyncCommand.commandLine(NO_WAIT, "--version").getSubcommands()).containsKeys("run", "validate");
        assertThat(SfsyncCommand.commandLine(NO_WAIT, "rnu").getSubcommands()).containsKeys("run", "validate");

        Result unknownOption = sfsync("run", "--bogus");
        assertThat(unknownOption.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownOption.err()).contains("Unknown option: '--bogus'", "Usage: sfsync run");
    }

    @Test
    void run_needs_sync_names_or_all_and_says_so() {
        Result run = sfsync("run", "--project", project.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("name the syncs to run, or pass --all", "'sfsync run accounts'");
    }

    @Test
    void every_command_explains_itself_with_examples_in_its_help() {
        List<String> commands = new ArrayList<>();
        collect(SfsyncCommand.commandLine(), commands);
        assertThat(commands).contains("sfsync", "sfsync init", "sfsync validate", "sfsync connect", "sfsync connections", "sfsync plan",
                "sfsync run", "sfsync runs", "sfsync runs show", "sfsync emulator", "sfsync demo");
        for (String command : commands) {
            List<String> args = new ArrayList<>(List.of(command.split(" ")).subList(1, command.split(" ").length));
            args.add("--help");
            Result help = sfsync(args.toArray(String[]::new));
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: " + command, "Examples:", "  sfsync ");
        }
    }

    private static void collect(CommandLine command, List<String> names) {
        names.add(command.getCommandSpec().qualifiedName());
        command.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                collect(sub, names);
            }
        });
    }

    @Test
    void the_emulator_prints_a_login_that_a_scaffolded_project_connects_with() throws Exception {
        try (RunningCommand emulator = RunningCommand.start("emulator", "--port", "0")) {
            Matcher login = emulator.awaitOutput("Login URL = instance URL  (\\S+)\\n\\s+REST API.*\\n\\s+Username / password\\s+(\\S+) / (\\S+)");
            emulator.awaitOutput("Try: curl(?s:.*)Try: curl");
            sfsync("init", project.toString());
            Path config = project.resolve("sfsync.yaml");
            Files.writeString(config, Files.readString(config).replace("http://127.0.0.1:8642", login.group(1)));

            Result connect = sfsync("connect", "local", "-p", project.toString(), "--username", login.group(2), "--password", login.group(3));
            assertThat(connect.exitCode()).as(connect.err()).isZero();
            assertThat(connect.out()).contains("Connected 'local' to " + login.group(1));
            assertThat(emulator.stop().exitCode()).isZero();
        }
    }

    @Test
    void the_emulator_over_tls_serves_https_and_prints_how_java_node_and_python_clients_trust_it() throws Exception {
        Path certificates = project.resolve("tls");
        try (RunningCommand emulator = RunningCommand.start("emulator", "--port", "0", "--tls", "--tls-dir", certificates.toString())) {
            Matcher login = emulator.awaitOutput("Login URL = instance URL  (\\S+)");
            Matcher trust = emulator.awaitOutput("NODE_EXTRA_CA_CERTS=(\\S+)");

            assertThat(login.group(1)).startsWith("https://");
            assertThat(Path.of(trust.group(1))).exists().startsWith(certificates);
            assertThat(certificates.resolve("emulator-truststore.p12")).exists();
            assertThat(emulator.stop().exitCode()).isZero();
        }
    }

    @Test
    void a_tls_option_without_tls_is_wrong_usage() {
        Result emulator = sfsync("emulator", "--port", "0", "--tls-dir", project.toString());

        assertThat(emulator.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(emulator.err()).contains("go with --tls");
    }

    @Test
    void the_emulator_refuses_an_org_file_it_cannot_read_and_exits_2() {
        Result emulator = sfsync("emulator", "--port", "0", "--org", project.resolve("acme.yaml").toString());
        assertThat(emulator.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(emulator.err()).contains("cannot read org file " + project.resolve("acme.yaml"), "check the path");
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

    /** Retries after a refused connection happen at once: these tests are about what a user reads, not about backoff. */
    static final Sleeper NO_WAIT = duration -> { };

    /** Runs a command with {@code input} as its standard input. */
    static Result withStdin(String input, String... args) {
        java.io.InputStream before = System.in;
        System.setIn(new java.io.ByteArrayInputStream(input.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try {
            return sfsync(args);
        } finally {
            System.setIn(before);
        }
    }

    /** Through the command line main() builds for these arguments (only the command named, when one is). */
    static Result sfsync(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = SfsyncCommand.commandLine(NO_WAIT, args);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
