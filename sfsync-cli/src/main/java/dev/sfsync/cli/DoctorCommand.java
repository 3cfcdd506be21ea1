package dev.sfsync.cli;

import dev.sfsync.engine.doctor.Doctor;
import dev.sfsync.engine.doctor.DoctorCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** The troubleshooting checklist, run: every check passes or says what to fix. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check connections and syncs against what Salesforce shows the connection's user: the login, API access and that the "
                + "user is active; for each sync, object permissions for its mode, mapped fields (exist, visible through field-level "
                + "security, writable), rows that required fields, types or validation would reject, and the API quota against what the next "
                + "runs cost. Each check passes or fails with its fix. Exits 0 only when every check passes, 1 otherwise."},
        footer = {"", "Examples:", "  sfsync doctor", "  sfsync doctor accounts       one sync and its connection",
                "  sfsync doctor production     one connection and its syncs", "  sfsync doctor --json"})
final class DoctorCommand implements Callable<Integer> {
    static final int CHECKS_FAILED = 1;

    @Mixin
    ProjectOption project;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SYNC|CONNECTION", description = "Check only this sync or connection.")
    String target;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return ProjectSession.use(project, err, session -> {
            List<DoctorCheck> checks;
            try {
                checks = new Doctor(session.config, session.project, session.logins, Clock.systemUTC()).examine(target);
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage() + "\n  fix: name a sync or a connection of sfsync.yaml, or none to check everything");
                err.flush();
                return ExitCodes.USAGE;
            }
            long failed = checks.stream().filter(c -> !c.passed()).count();
            if (json) {
                out.println(JsonOutput.MAPPER.writeValueAsString(Map.of("passed", failed == 0, "checks", checks)));
            } else {
                String subject = null;
                for (DoctorCheck check : checks) {
                    if (!check.subject().equals(subject)) {
                        subject = check.subject();
                        out.println(subject);
                    }
                    out.printf("  %s %s: %s%n", check.passed() ? "PASS" : "FAIL", check.check(), check.detail());
                    if (check.fix() != null) {
                        out.println("       fix: " + check.fix());
                    }
                }
                out.println(failed == 0 ? "All " + checks.size() + " checks passed." : failed + " of " + checks.size() + " checks failed.");
            }
            out.flush();
            return failed == 0 ? ExitCodes.OK : CHECKS_FAILED;
        });
    }
}
