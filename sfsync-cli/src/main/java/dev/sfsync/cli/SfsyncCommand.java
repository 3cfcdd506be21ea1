package dev.sfsync.cli;

import dev.sfsync.salesforce.retry.Sleeper;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sfsync} command line. */
@Command(name = "sfsync",
        mixinStandardHelpOptions = true,
        versionProvider = SfsyncCommand.Version.class,
        description = "Self-hostable Salesforce sync engine: reverse ETL from your database into Salesforce, and back.",
        subcommands = {InitCommand.class, ValidateCommand.class, ConnectCommand.class, ConnectionsCommand.class, ReconnectCommand.class, DisconnectCommand.class, QuotaCommand.class, DoctorCommand.class, ApplyCommand.class, PlanCommand.class,
                RunCommand.class, RunsCommand.class, RepairCommand.class, WhyMissingCommand.class, EmulatorCommand.class, DemoCommand.class, DriversCommand.class, CommandLine.HelpCommand.class,
                ServeCommand.class, UsersCommand.class, TokensCommand.class, AlertsCommand.class, PruneCommand.class},
        footer = {"", "Examples:", "  sfsync demo               sync a sample warehouse into a local org and explain every row",
                "  sfsync init my-project    scaffold a project", "  sfsync validate           check sfsync.yaml",
                "  sfsync connect local      log in to a connection", "  sfsync plan accounts      what a run would do",
                "  sfsync run --all          sync every model", "  sfsync runs               what past runs did",
                "  sfsync emulator           serve a local Salesforce on 8642 (+ sandbox on 8643)",
                "", "Exit codes: 0 success, 1 some rows failed, 2 wrong usage, 3 project file problems, 4 Salesforce unreachable, login refused or API reserve reached,",
                "  5 the sync is already running in another process, 6 the state directory cannot be used (damaged, full, unwritable)"})
public final class SfsyncCommand implements Runnable {
    /** How the commands wait between retries of a failed call; tests pass one that does not sleep. */
    final Sleeper sleeper;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private SfsyncCommand(Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    public static void main(String[] args) {
        dev.sfsync.core.PhaseTimings.mark("jvm start");
        FlightRecorderSwitch.leaveOffUnlessRecording(args);
        int exit = commandLine(Sleeper.SYSTEM, args).execute(args);
        dev.sfsync.core.PhaseTimings.mark("close and print");
        dev.sfsync.core.PhaseTimings.print(System.err);
        System.exit(exit);
    }

    static CommandLine commandLine() {
        return commandLine(Sleeper.SYSTEM);
    }

    static CommandLine commandLine(Sleeper sleeper) {
        return configured(new CommandLine(new SfsyncCommand(sleeper)));
    }

    /**
     * The command line for these arguments: when they start with one of the commands, the root with that command
     * alone, since picocli inspects every command of the tree by reflection when it is built (as much CPU as the
     * JVM's own start, BENCHMARKS.md issue 18); the whole tree otherwise (help, version, a mistyped command).
     */
    static CommandLine commandLine(Sleeper sleeper, String... args) {
        for (Class<?> sub : args.length == 0 ? new Class<?>[0] : SfsyncCommand.class.getAnnotation(Command.class).subcommands()) {
            Command command = sub.getAnnotation(Command.class);
            if (sub != CommandLine.HelpCommand.class && command != null
                    && (command.name().equals(args[0]) || java.util.List.of(command.aliases()).contains(args[0]))) {
                CommandLine root = new CommandLine(CommandLine.Model.CommandSpec.wrapWithoutInspection(new SfsyncCommand(sleeper)).name("sfsync"));
                root.addSubcommand(command.name(), new CommandLine(sub));
                return configured(root);
            }
        }
        return commandLine(sleeper);
    }

    private static CommandLine configured(CommandLine commandLine) {
        return commandLine.setCaseInsensitiveEnumValuesAllowed(true).setExecutionExceptionHandler(new CommandFailures());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads the version from the jar manifest, falling back to "development". */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = SfsyncCommand.class.getPackage().getImplementationVersion();
            return new String[] {"sfsync " + (version == null ? "development build" : version)};
        }
    }
}
