package dev.sfsync.cli;

import dev.sfsync.server.db.ServerDatabase;

import java.nio.file.Path;

/** The server's tables (users, tokens, incidents) of a project, for the commands that manage them without a server running. */
final class ServerTables {
    private ServerTables() {
    }

    /** Opens them, the state store's own tables first (they must exist before the server's are added beside them). */
    static ServerDatabase open(Path projectDirectory, StateOption state) {
        state.openStore(projectDirectory).close();
        return state.openServerTables(projectDirectory);
    }
}
