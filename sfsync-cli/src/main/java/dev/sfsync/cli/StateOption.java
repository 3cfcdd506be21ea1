package dev.sfsync.cli;

import dev.sfsync.engine.project.SyncProject;
import dev.sfsync.server.db.ServerDatabase;
import dev.sfsync.store.StateStore;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * Where the server keeps its state: the project's embedded SQLite file (default), or a Postgres database a team's
 * servers share ({@code --state-url}, or SFSYNC_STATE_URL; the password only from SFSYNC_STATE_PASSWORD).
 */
final class StateOption {
    static final String PASSWORD_ENV = "SFSYNC_STATE_PASSWORD";

    @Option(names = "--state-url", paramLabel = "JDBC_URL", defaultValue = "${env:SFSYNC_STATE_URL}",
            description = "A Postgres state store shared by several servers, e.g. jdbc:postgresql://db/sfsync (default: the project's .sfsync/state.db;"
                    + " env SFSYNC_STATE_URL). Its password comes from SFSYNC_STATE_PASSWORD, its secret key from SFSYNC_SECRET_KEY.")
    String url;

    @Option(names = "--state-user", paramLabel = "USER", defaultValue = "${env:SFSYNC_STATE_USER}", description = "The Postgres user (env SFSYNC_STATE_USER).")
    String user;

    boolean postgres() {
        return url != null && !url.isBlank();
    }

    StateStore openStore(Path projectDirectory) {
        return postgres() ? StateStore.postgres(url, user, System.getenv(PASSWORD_ENV)).open()
                : StateStore.embedded(projectDirectory.resolve(SyncProject.STATE_DIRECTORY)).open();
    }

    /** The server's tables; call after {@link #openStore} (the store's tables come first). */
    ServerDatabase openServerTables(Path projectDirectory) {
        return postgres() ? ServerDatabase.postgres(url, user, System.getenv(PASSWORD_ENV))
                : ServerDatabase.embedded(projectDirectory.resolve(SyncProject.STATE_DIRECTORY));
    }
}
