package dev.sfsync.emulator.compat;

import dev.sfsync.emulator.Emulator;
import dev.sfsync.emulator.org.ConnectedApp;
import dev.sfsync.emulator.org.OrgDefinition;
import dev.sfsync.emulator.org.OrgDefinitionLoader;
import dev.sfsync.emulator.org.UserAccount;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.fail;

/**
 * Judges the emulator by a client nobody here wrote: the unmodified jsforce from npm runs compat/jsforce/test/*.test.js
 * under Node's test runner against an emulator on a free port, serving src/test/resources/compat/jsforce-org.yaml.
 *
 * <p>Needs Node.js with npm on the PATH. {@code npm ci} installs jsforce (pinned in package-lock.json) and, because
 * jsforce 3.10 needs Node 22 while machines may carry Node 20, a Node 22 binary from the npm package {@code node}; the
 * tests run on that one. It runs again whenever package-lock.json is newer than the last install.
 */
class JsforceCompatibilityIT {
    /** jsforce 3.10.26 declares node >= 22; the undici 8 it loads needs 22.19. */
    private static final int[] MIN_NODE = {22, 19};
    private static final Duration TEST_TIMEOUT = Duration.ofMinutes(5);

    @Test
    void jsforce_runs_its_compatibility_suite_against_the_emulator_without_a_failure() throws Exception {
        NodeCompatProject project = NodeCompatProject.named("jsforce");
        project.install();
        Path node = project.node(MIN_NODE, "jsforce");
        OrgDefinition org = orgDefinition();
        ConnectedApp app = org.connectedApps().getFirst();
        UserAccount user = org.users().getFirst();

        try (Emulator emulator = Emulator.builder().org(org).port(0).build().start()) {
            List<String> command = new ArrayList<>(List.of(node.toString(), "--test", "--test-concurrency=1", "--test-reporter=spec"));
            // Files, not the test/ folder: Node 21 and later read a folder argument as a module to run.
            command.addAll(project.testFiles());
            NodeCompatProject.Run run = NodeCompatProject.Run.of(project.dir(), command, Map.of(
                    "SFSYNC_LOGIN_URL", emulator.host().baseUrl(),
                    "SFSYNC_CLIENT_ID", app.clientId(),
                    "SFSYNC_CLIENT_SECRET", app.clientSecret(),
                    "SFSYNC_USERNAME", user.username(),
                    "SFSYNC_PASSWORD", user.password(),
                    "SFSYNC_REDIRECT_URI", app.redirectUris().getFirst()), TEST_TIMEOUT);
            System.out.println(run.output());
            if (run.exitCode() != 0) {
                fail("jsforce's compatibility tests failed (" + run.describeExit() + "); node's output:\n" + run.output());
            }
        }
    }

    private static OrgDefinition orgDefinition() throws IOException {
        try (InputStream in = JsforceCompatibilityIT.class.getResourceAsStream("/compat/jsforce-org.yaml")) {
            if (in == null) {
                throw new IllegalStateException("compat/jsforce-org.yaml is missing from the test resources");
            }
            return OrgDefinitionLoader.load(in.readAllBytes(), "compat/jsforce-org.yaml");
        }
    }
}
