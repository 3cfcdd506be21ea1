package dev.sfsync.cli;

import dev.sfsync.server.auth.Role;
import dev.sfsync.server.auth.User;
import dev.sfsync.server.auth.Users;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;

/** Who may use sfsync serve's API and pages. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Add, list and remove the users of 'sfsync serve'.",
        footer = {"", "Examples:", "  sfsync users add ada --role admin", "  sfsync users list", "  sfsync users remove ada"},
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Remove.class})
final class UsersCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = {"Add a user (or set an existing user's role and password).",
            "viewer reads; operator also runs and cancels; admin also changes connections, alerts and users."},
            footer = {"", "Examples:", "  sfsync users add ada --role admin", "  echo \"$PASSWORD\" | sfsync users add ci --role operator --password-stdin"})
    static final class Add implements Callable<Integer> {
        @Mixin
        ProjectOption project;

        @Mixin
        StateOption state;

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--role", required = true, description = "admin, operator or viewer")
        Role role;

        @Option(names = "--password-stdin", description = "Read the password from standard input (one line) instead of asking for it.")
        boolean passwordStdin;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            String password = password(err);
            if (password == null) {
                return ExitCodes.USAGE;
            }
            try {
                User user = new Users(ServerTables.open(project.directory, state), Clock.systemUTC()).add(name, role, password);
                spec.commandLine().getOut().printf("user %s is a%s %s%n", user.name(), user.role() == Role.ADMIN || user.role() == Role.OPERATOR ? "n" : "",
                        user.role().wireName());
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            } catch (Users.BadUserInput e) {
                err.println("sfsync users add: " + e.problem() + " (fix: " + e.fix() + ")");
                err.flush();
                return ExitCodes.USAGE;
            }
        }

        private String password(PrintWriter err) throws IOException {
            if (passwordStdin) {
                return PasswordInput.firstLineOfStdin();
            }
            Console console = System.console();
            if (console == null) {
                err.println("sfsync users add: no terminal to ask the password on; pass --password-stdin and pipe it in");
                err.flush();
                return null;
            }
            char[] first = console.readPassword("Password for %s: ", name);
            char[] again = console.readPassword("Again: ");
            if (first == null || !Arrays.equals(first, again)) {
                err.println("sfsync users add: the two passwords differ; nothing changed");
                err.flush();
                return null;
            }
            return new String(first);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users and their roles.",
            footer = {"", "Examples:", "  sfsync users list --project my-project"})
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        ProjectOption project;

        @Mixin
        StateOption state;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            var users = new Users(ServerTables.open(project.directory, state), Clock.systemUTC()).list();
            if (users.isEmpty()) {
                out.println("no users yet: sfsync users add NAME --role admin");
            } else {
                TextTable table = TextTable.of("NAME", "ROLE");
                users.forEach(u -> table.row(u.name(), u.role().wireName()));
                table.print(out);
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a user with their API tokens and sessions.",
            footer = {"", "Examples:", "  sfsync users remove ada --project my-project"})
    static final class Remove implements Callable<Integer> {
        @Mixin
        ProjectOption project;

        @Mixin
        StateOption state;

        @Parameters(paramLabel = "NAME")
        String name;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            boolean removed = new Users(ServerTables.open(project.directory, state), Clock.systemUTC()).remove(name);
            return Done.tell(spec, removed, "removed " + name, "no user named " + name);
        }
    }
}
