package dev.sfsync.cli;

import dev.sfsync.server.auth.ApiTokens;
import dev.sfsync.server.auth.Users;
import dev.sfsync.server.db.ServerDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;

/** API tokens for automation. */
@Command(name = "tokens", mixinStandardHelpOptions = true, description = "Create, list and revoke API tokens of 'sfsync serve'.",
        footer = {"", "Examples:", "  sfsync tokens create --user ci", "  sfsync tokens list", "  sfsync tokens revoke ID"},
        subcommands = {TokensCommand.Create.class, TokensCommand.ListTokens.class, TokensCommand.Revoke.class})
final class TokensCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static ApiTokens tokens(ProjectOption project, StateOption state) {
        ServerDatabase db = ServerTables.open(project.directory, state);
        return new ApiTokens(db, new Users(db, Clock.systemUTC()), Clock.systemUTC());
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a token acting as a user; it is printed once and kept only as a hash.",
            footer = {"", "Examples:", "  sfsync tokens create --user ci --description 'nightly pipeline'",
                    "  curl -H \"Authorization: Bearer $TOKEN\" http://127.0.0.1:8650/api/v1/syncs"})
    static final class Create implements Callable<Integer> {
        @Mixin
        ProjectOption project;

        @Mixin
        StateOption state;

        @Option(names = "--user", required = true, description = "The user the token acts as (its role applies).")
        String user;

        @Option(names = "--description", defaultValue = "", description = "What the token is for.")
        String description;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try {
                ApiTokens.NewToken token = tokens(project, state).create(user, description);
                PrintWriter out = spec.commandLine().getOut();
                out.println(token.token());
                out.flush();
                spec.commandLine().getErr().println("token " + token.info().id() + " for " + user
                        + " created; it is shown this once: keep it in a secret store (revoke: sfsync tokens revoke " + token.info().id() + ")");
                spec.commandLine().getErr().flush();
                return ExitCodes.OK;
            } catch (Users.BadUserInput e) {
                spec.commandLine().getErr().println("sfsync tokens create: " + e.problem() + " (fix: " + e.fix() + ")");
                spec.commandLine().getErr().flush();
                return ExitCodes.USAGE;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (never their secrets).",
            footer = {"", "Examples:", "  sfsync tokens list --project my-project"})
    static final class ListTokens implements Callable<Integer> {
        @Mixin
        ProjectOption project;

        @Mixin
        StateOption state;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            TextTable table = TextTable.of("ID", "USER", "CREATED", "LAST USED", "DESCRIPTION");
            tokens(project, state).list(null).forEach(t -> table.row(t.id(), t.user(), t.createdAt(), t.lastUsedAt() == null ? "never" : t.lastUsedAt(),
                    t.description()));
            if (table.isEmpty()) {
                out.println("no API tokens yet: sfsync tokens create --user NAME --description WHAT");
            } else {
                table.print(out);
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token at once.",
            footer = {"", "Examples:", "  sfsync tokens revoke HVZy8iTiiyEJ --project my-project"})
    static final class Revoke implements Callable<Integer> {
        @Mixin
        ProjectOption project;

        @Mixin
        StateOption state;

        @Parameters(paramLabel = "ID")
        String id;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            boolean revoked = tokens(project, state).revoke(id);
            return Done.tell(spec, revoked, "revoked " + id, "no token " + id + " (sfsync tokens list)");
        }
    }
}
