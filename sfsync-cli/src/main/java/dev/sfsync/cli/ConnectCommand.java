package dev.sfsync.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** Logs in to a project connection and stores its tokens, encrypted, in the state store. */
@Command(name = "connect", mixinStandardHelpOptions = true,
        description = {"Log in to a connection of sfsync.yaml the way its 'login:' says: web_server (default: open the printed URL, log in "
                + "and allow access; the refresh token is stored encrypted in .sfsync/), jwt_bearer or client_credentials (no person needed). "
                + "For development orgs and the local emulator, --username and --password log in without a browser (one session only). "
                + "The login is then checked live: a user without API access is told now."},
        footer = {"", "Examples:", "  sfsync connect production", "  sfsync connect local --username admin@sfsync.emulator --password emulator"})
class ConnectCommand implements Callable<Integer> {
    @Mixin
    ProjectOption project;

    @Mixin
    StateOption state;

    @Parameters(index = "0", paramLabel = "CONNECTION", description = "The connection's name under 'connections:'.")
    String name;

    @Option(names = "--username", description = "Log in with the password grant (development only; it bypasses MFA and cannot refresh).")
    String username;

    @Option(names = "--password", description = "The user's password (with its security token appended, where the org asks for one)."
            + " It shows in the process list and the shell's history: prefer --password-stdin, or give only --username to be asked.")
    String password;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input, e.g."
            + " 'pass show sf | sfsync connect dev --username me@acme.com --password-stdin'.")
    boolean passwordStdin;

    @Option(names = "--port", description = "Local port for the OAuth callback (default: login.callback_port, else 1717; register "
            + "http://localhost:1717/OauthRedirect in the connected app).")
    Integer port;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        java.io.PrintWriter err = spec.commandLine().getErr();
        if (passwordStdin && password != null) {
            err.println("sfsync " + spec.name() + ": give --password or --password-stdin, not both\n  fix: drop --password (it shows in the process list)");
            err.flush();
            return ExitCodes.USAGE;
        }
        String given = passwordStdin ? PasswordInput.firstLineOfStdin()
                : password == null && username != null ? PasswordInput.askOnTerminal("Password for " + username + ": ") : password;
        return ProjectSession.use(project, err,
                session -> new LoginRunner(session, spec.commandLine().getOut(), err).login(name, username, given, port));
    }
}
