package dev.sfsync.engine.config;

/** Turns a key path of the project file (e.g. {@code syncs.accounts.mappings[2].to}) into a located problem. */
@FunctionalInterface
public interface ProblemLocator {
    ConfigProblem problem(String path, String message, String fix);

    /** For configs built in code: problems carry the path only. */
    static ProblemLocator unlocated(String file) {
        return (path, message, fix) -> new ConfigProblem(file, 0, 0, path, message, fix);
    }
}
