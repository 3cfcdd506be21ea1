package dev.sfsync.server.run;

import dev.sfsync.engine.project.SyncProject;

import java.util.function.Function;

/**
 * The project, opened while at least one run needs it and closed when the last ends: the snapshot file admits
 * one process at a time, so closing it between runs lets {@code sfsync run} work beside an idle server (and while that
 * run holds it, the server's runs are refused with {@link ProjectInUse}).
 */
public final class SharedProject {
    /** Opens the project as {@code sfsync run} does (same config, state store and snapshots). */
    @FunctionalInterface
    public interface Opener {
        SyncProject open();
    }

    private final Opener opener;
    private SyncProject project;
    private int users;

    public SharedProject(Opener opener) {
        this.opener = opener;
    }

    /** Does the work with the open project, opening it first when no other run has it open. */
    public <T> T use(Function<SyncProject, T> work) {
        SyncProject open = acquire();
        try {
            return work.apply(open);
        } finally {
            release();
        }
    }

    private synchronized SyncProject acquire() {
        if (project == null) {
            try {
                project = opener.open();
            } catch (dev.sfsync.source.snapshot.SnapshotStoreFailed e) {
                if (String.valueOf(e.getMessage()).contains("lock")) {
                    throw new ProjectInUse(e);
                }
                throw e;
            }
        }
        users++;
        return project;
    }

    private synchronized void release() {
        users--;
        if (users == 0) {
            project.close();
            project = null;
        }
    }
}
