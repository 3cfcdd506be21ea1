package dev.sfsync.cli;

import dev.sfsync.server.auth.Role;
import dev.sfsync.server.auth.Users;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * 'sfsync demo --serve': after the demo's runs, its project served by 'sfsync serve' (while the emulated org stays
 * up), with an admin user made for the demo, so the runs can be looked at in the web UI.
 */
final class DemoServe {
    static final String USER = "demo";
    private static final String LETTERS = "abcdefghijkmnopqrstuvwxyz23456789";

    private DemoServe() {
    }

    /** The URL to print at the end of a demo that was not asked to serve. */
    static String hint() {
        return "See these runs in the web UI: ./sfsync demo --serve   (then open http://127.0.0.1:" + DemoCommand.DEFAULT_SERVE_PORT + "/ui/runs)";
    }

    /** Adds the demo's admin, prints where to log in, then serves until Ctrl-C; returns serve's exit code. */
    static int serve(Path project, int port, PrintWriter out, Serve serve) {
        String password = password();
        new Users(ServerTables.open(project, new StateOption()), Clock.systemUTC()).add(USER, Role.ADMIN, password);
        out.println();
        out.println("The web UI, with the demo's runs in it (the emulated org stays up while it serves; stop both with Ctrl-C):");
        out.println("  http://127.0.0.1:" + port + "/ui/runs");
        out.println("  log in as '" + USER + "' with password " + password + "   (a user made for this demo)");
        out.println();
        out.flush();
        return serve.run("serve", "--listen", "127.0.0.1:" + port, "--log-format", "text");
    }

    /** How the demo runs an sfsync command. */
    @FunctionalInterface
    interface Serve {
        int run(String... args);
    }

    private static String password() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return password.toString();
    }
}
