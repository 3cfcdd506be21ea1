package dev.sfsync.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The --project option every project command shares. */
final class ProjectOption {
    @Option(names = {"-p", "--project"}, paramLabel = "DIR", defaultValue = ".",
            description = "Project directory holding sfsync.yaml (default: the current directory).")
    Path directory;
}
