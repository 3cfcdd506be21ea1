package dev.sfsync.cli;

import dev.sfsync.salesforce.retry.Sleeper;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;

/** The --project option every project command shares. */
final class ProjectOption {
    @Option(names = {"-p", "--project"}, paramLabel = "DIR", defaultValue = ".",
            description = "Project directory holding sfsync.yaml (default: the current directory).")
    Path directory;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * The command's {@code --state-url} options when it has them as a mixin: a CLI command then opens the same
     * Postgres state store as a team's servers (leases, runs and tokens shared); otherwise the project's embedded store.
     */
    java.util.Optional<StateOption> state() {
        return command.mixins().values().stream().map(CommandSpec::userObject).filter(StateOption.class::isInstance)
                .map(StateOption.class::cast).findFirst();
    }

    /** The sleeper the root command was built with. */
    Sleeper sleeper() {
        return command.root().userObject() instanceof SfsyncCommand root ? root.sleeper : Sleeper.SYSTEM;
    }
}
