package dev.sfsync.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** Scaffolds a project that validates as written and syncs into the local emulator. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create a project: sfsync.yaml (one source, a connection to the local emulator, a model over a sample CSV, "
                + "one upsert sync), the sample data, and a .gitignore that keeps state and secrets out of version control."},
        footer = {"", "Examples:", "  sfsync init my-project", "  sfsync init .   (in an empty directory)"})
final class InitCommand implements Callable<Integer> {
    /** Files of the scaffold, copied from the jar's resources under init/. */
    static final List<String> FILES = List.of("sfsync.yaml", "data/accounts.csv", "secrets/emulator-client-secret", ".gitignore");

    @Parameters(index = "0", paramLabel = "DIR", defaultValue = ".", description = "Directory to create the project in (default: the current one).")
    Path directory;

    @Option(names = "--force", description = "Overwrite files the scaffold would replace.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> existing = FILES.stream().filter(f -> Files.exists(directory.resolve(f))).toList();
        if (!existing.isEmpty() && !force) {
            err.println("sfsync init: " + directory.toAbsolutePath().normalize() + " already has " + String.join(", ", existing)
                    + "; nothing was written (fix: choose an empty directory, or pass --force to overwrite)");
            return ExitCodes.USAGE;
        }
        for (String file : FILES) {
            Path target = directory.resolve(file);
            Files.createDirectories(target.toAbsolutePath().getParent());
            try (InputStream in = InitCommand.class.getResourceAsStream("init/" + file.replace(".gitignore", "gitignore"))) {
                if (in == null) {
                    throw new IllegalStateException("the sfsync jar lacks its init template " + file);
                }
                Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        out.println("Created a project in " + directory.toAbsolutePath().normalize() + ":");
        FILES.forEach(f -> out.println("  " + f));
        out.println();
        String project = directory.normalize().toString().isEmpty() || directory.normalize().toString().equals(".") ? ""
                : " --project " + directory;
        out.println("Next: start a local org with 'sfsync emulator' in another terminal, then:");
        out.println("  sfsync connect local" + project + " --username admin@sfsync.emulator --password emulator");
        out.println("  sfsync plan accounts" + project);
        out.println("  sfsync run accounts" + project);
        out.flush();
        return ExitCodes.OK;
    }
}
