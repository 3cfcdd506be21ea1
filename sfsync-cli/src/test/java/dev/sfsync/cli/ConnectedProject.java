package dev.sfsync.cli;

import dev.sfsync.testing.EmulatedOrg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static dev.sfsync.cli.ProjectCommandsTest.sfsync;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project the command tests share: an sfsync.yaml whose connection 'local' is the emulated org (its client
 * secret read from client.secret), followed by the sections a test needs, and connected with the password grant.
 */
final class ConnectedProject {
    private ConnectedProject() {
    }

    /** Writes client.secret and sfsync.yaml: the 'local' connection, then {@code sections} (YAML at the top level). */
    static void write(EmulatedOrg org, Path project, String sections) {
        try {
            Files.writeString(project.resolve("client.secret"), org.clientSecret());
            Files.writeString(project.resolve("sfsync.yaml"), """
                    connections:
                      local: {environment: custom, login_url: %s, client_id: %s, client_secret: "${file:client.secret}"}
                    """.formatted(org.loginUrl(), org.clientId()) + sections);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Logs 'local' in as the org's user, as 'sfsync connect' does. */
    static void connect(EmulatedOrg org, Path project) {
        ProjectCommandsTest.Result connect = sfsync(args(project, "connect", "local", "--username", org.username(), "--password", org.password()));
        assertThat(connect.exitCode()).as(connect.out() + connect.err()).isZero();
    }

    /** The arguments followed by --project DIRECTORY. */
    static String[] args(Path project, String... args) {
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--project";
        all[args.length + 1] = project.toString();
        return all;
    }
}
