package dev.sfsync.core;

import java.util.Objects;

/**
 * Root of sfsync's own exceptions: a problem stated in the user's terms, and how to fix it.
 * Subclasses are named for what failed ({@code ModelHasDuplicateKeys}, {@code UnableToOpenSource}).
 */
public abstract class SfsyncException extends RuntimeException {
    private final String problem;
    private final String fix;

    protected SfsyncException(String problem, String fix, Throwable cause) {
        super(Objects.requireNonNull(problem, "problem is null") + (fix == null ? "" : "\nHow to fix: " + fix), cause);
        this.problem = problem;
        this.fix = fix;
    }

    protected SfsyncException(String problem, String fix) {
        this(problem, fix, null);
    }

    /** What is wrong, without the fix. */
    public String problem() {
        return problem;
    }

    /** How to fix it, or null when there is nothing the user can do. */
    public String fix() {
        return fix;
    }
}
