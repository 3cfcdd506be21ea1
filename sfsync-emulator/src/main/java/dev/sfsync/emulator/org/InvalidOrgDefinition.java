package dev.sfsync.emulator.org;

import java.util.List;
import java.util.stream.Collectors;

/** An org file that cannot be loaded; lists every problem found, each with its path in the file and a fix. */
public final class InvalidOrgDefinition extends RuntimeException {
    private final List<String> problems;

    public InvalidOrgDefinition(String source, List<String> problems) {
        super("org file " + source + " has " + problems.size() + " problem(s):\n"
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
