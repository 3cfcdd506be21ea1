package dev.sfsync.cli;

import dev.sfsync.engine.config.ConfigProblem;
import dev.sfsync.engine.config.ConfigResult;
import dev.sfsync.engine.config.ProjectConfig;
import dev.sfsync.engine.config.ProjectConfigReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Checks the project file without touching the network. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check sfsync.yaml: its shape, values, names that refer to each other, and that secrets are references.",
                "Reports every problem at once, with line, column and a fix. Needs no network."},
        footer = {"", "Examples:", "  sfsync validate", "  sfsync validate --project ../crm-sync --json"})
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    ProjectOption project;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--remote", description = "Also check every sync against the org's describe and the model's columns (needs 'sfsync connect').")
    boolean remote;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ConfigResult result = new ProjectConfigReader().read(project.directory);
        PrintWriter out = spec.commandLine().getOut();
        if (!remote || !result.ok()) {
            return report(result, out, spec.commandLine().getErr());
        }
        PrintWriter err = spec.commandLine().getErr();
        List<ConfigProblem> problems = new ArrayList<>();
        try (ProjectSession session = ProjectSession.open(project, err).orElseThrow()) {
            for (String sync : session.config.syncs().keySet()) {
                try {
                    problems.addAll(session.project.validateRemote(sync));
                } catch (RuntimeException e) {
                    return Failures.report(e, session, sync, err);
                }
            }
        }
        return report(new ConfigResult(problems.isEmpty() ? result.config() : Optional.empty(), problems), out, err);
    }

    int report(ConfigResult result, PrintWriter out, PrintWriter err) throws Exception {
        if (json) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("valid", result.ok());
            body.put("problems", result.problems());
            result.config().ifPresent(config -> body.put("syncs", List.copyOf(config.syncs().keySet())));
            out.println(JsonOutput.MAPPER.writeValueAsString(body));
        } else if (result.ok()) {
            ProjectConfig config = result.config().orElseThrow();
            out.printf("%s is valid: %d source(s), %d connection(s), %d model(s), %d sync(s): %s%n", ProjectConfigReader.FILE_NAME,
                    config.sources().size(), config.connections().size(), config.models().size(), config.syncs().size(),
                    String.join(", ", config.syncs().keySet()));
        } else {
            err.printf("%s has %d problem(s):%n", ProjectConfigReader.FILE_NAME, result.problems().size());
            for (ConfigProblem problem : result.problems()) {
                err.println("  " + problem.render());
            }
            err.flush();
        }
        out.flush();
        return result.ok() ? ExitCodes.OK : ExitCodes.CONFIG_INVALID;
    }
}
