package dev.sfsync.cli;

import dev.sfsync.source.drivers.DriverInstaller;
import dev.sfsync.source.drivers.ExtraDrivers;
import dev.sfsync.source.drivers.KnownDriver;
import dev.sfsync.source.drivers.UnableToAddDriver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** JDBC drivers sfsync does not bundle, in the project's drivers/ directory. */
@Command(name = "drivers", mixinStandardHelpOptions = true,
        description = {"JDBC drivers for warehouses whose drivers sfsync does not bundle (large, or licensed apart).",
                "sfsync loads every jar in the project's drivers/ directory and in the directories SFSYNC_DRIVERS names."},
        subcommands = {DriversCommand.Add.class, DriversCommand.ListDrivers.class},
        footer = {"", "Examples:", "  sfsync drivers add snowflake", "  sfsync drivers add trino --version 484", "  sfsync drivers list"})
final class DriversCommand implements Runnable {
    /** Exit code when a driver could not be downloaded or failed its checks; nothing was installed. */
    static final int NOT_ADDED = 1;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static String names() {
        return Arrays.stream(KnownDriver.values()).map(KnownDriver::id).collect(Collectors.joining("|"));
    }

    @Command(name = "add",
            description = {"Download a JDBC driver from Maven Central (or SFSYNC_MAVEN_REPOSITORY) into the project's drivers/ directory,",
                    "its SHA-1 checked against the repository's and its driver class found before it is kept.",
                    "Drivers: snowflake, bigquery (placed by hand: not on Maven Central), redshift, databricks, trino, mysql, sqlserver, oracle."},
            footer = {"", "Examples:", "  sfsync drivers add snowflake", "  sfsync drivers add trino --version 484 --project ../crm-sync",
                    "", "Exit codes: 0 added, 1 not added (the reason and a fix are printed), 2 unknown driver"})
    static final class Add implements Callable<Integer> {
        // Not the standard help options: their --version would print sfsync's version, and here it chooses the driver's.
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;

        @Mixin
        ProjectOption project;

        @Parameters(paramLabel = "DRIVER", description = "One of: snowflake, bigquery, redshift, databricks, trino, mysql, sqlserver, oracle.")
        String name;

        @Option(names = "--version", paramLabel = "VERSION", description = "The driver's version (default: the one sfsync is tested with).")
        String version;

        @Option(names = "--repository", paramLabel = "URL", description = "A Maven repository to download from (default: SFSYNC_MAVEN_REPOSITORY, else Maven Central).")
        URI repository;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            KnownDriver driver = KnownDriver.byId(name).orElse(null);
            if (driver == null) {
                err.println("sfsync knows no driver '" + name + "'. How to fix: name one of " + names().replace('|', ' ')
                        + ", or put any JDBC driver's jar in " + project.directory.resolve(ExtraDrivers.DIRECTORY));
                return 2;
            }
            if (!driver.onMavenCentral()) {
                err.println("The " + driver.id() + " driver is not on Maven Central. How to fix: " + driver.howToAdd() + ".");
                return NOT_ADDED;
            }
            Path directory = project.directory.resolve(ExtraDrivers.DIRECTORY);
            DriverInstaller installer = repository == null ? DriverInstaller.fromEnvironment() : new DriverInstaller(repository);
            String chosen = version == null ? driver.defaultVersion() : version;
            try {
                out.println("Downloading " + driver.artifact(chosen) + " ...");
                out.flush();
                DriverInstaller.Installed installed = installer.install(driver.artifact(chosen), directory);
                out.printf("Added %s (%d MB, SHA-1 %s checked): %s is loaded from %s%n", installed.jar().getFileName(),
                        Math.max(1, installed.bytes() / 1_048_576), installed.sha1(), installed.driverClass(), directory);
                return 0;
            } catch (UnableToAddDriver | IllegalArgumentException e) {
                err.println(e.getMessage());
                return NOT_ADDED;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The driver jars the project loads, and the drivers 'add' knows.",
            footer = {"", "Examples:", "  sfsync drivers list", "  sfsync drivers list --project ../crm-sync"})
    static final class ListDrivers implements Callable<Integer> {
        @Mixin
        ProjectOption project;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            for (Path directory : ExtraDrivers.directories(project.directory, System.getenv(ExtraDrivers.ENVIRONMENT))) {
                if (Files.isDirectory(directory)) {
                    try (Stream<Path> jars = Files.list(directory)) {
                        jars.filter(f -> f.toString().endsWith(".jar")).sorted().forEach(jar -> out.println(directory.relativize(jar) + "  (" + directory + ")"));
                    }
                }
            }
            out.println("Known drivers: " + names().replace('|', ' ') + " (sfsync drivers add NAME)");
            out.flush();
            return 0;
        }
    }
}
