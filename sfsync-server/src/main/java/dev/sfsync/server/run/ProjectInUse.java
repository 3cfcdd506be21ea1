package dev.sfsync.server.run;

import dev.sfsync.core.SfsyncException;

/**
 * Another process (an {@code sfsync run} in a terminal) has the project's snapshot file open, which DuckDB lets only
 * one process do: nothing ran, and the run can start as soon as that process ends.
 */
public final class ProjectInUse extends SfsyncException {
    public ProjectInUse(Throwable cause) {
        super("another sfsync process (an 'sfsync run'?) is using the project's state directory", "wait for it to end, then start the run again", cause);
    }
}
