package dev.sfsync.emulator.compat;

import dev.sfsync.emulator.Emulator;
import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.org.ConnectedApp;
import dev.sfsync.emulator.org.OrgDefinitionLoader;
import dev.sfsync.emulator.org.UserAccount;
import dev.sfsync.emulator.tls.TlsSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.fail;

/**
 * Judges the emulator by the Salesforce CLI: the unmodified {@code @salesforce/cli} from npm (pinned in
 * compat/sf-cli/package-lock.json) runs compat/sf-cli/test/*.test.js against the default org, once over plain HTTP
 * (logged in with an access token) and once over HTTPS with the emulator's own certificate, trusted through
 * NODE_EXTRA_CA_CERTS (logged in with an sfdx auth URL, which makes the CLI refresh its token over OAuth). Each run has
 * a home directory of its own, so the CLI's stored orgs and settings never touch the user's.
 */
class SalesforceCliCompatibilityIT {
    private static final int[] MIN_NODE = {22, 0};
    private static final Duration TEST_TIMEOUT = Duration.ofMinutes(6);

    @TempDir
    Path work;

    @Test
    void the_salesforce_cli_runs_its_compatibility_suite_over_http_and_https_without_a_failure() throws Exception {
        NodeCompatProject project = NodeCompatProject.named("sf-cli");
        project.install();
        Path node = project.node(MIN_NODE, "the Salesforce CLI");
        TlsSettings tls = TlsSettings.selfSigned(work.resolve("tls"));
        try (Emulator http = Emulator.builder().org(OrgDefinitionLoader.defaultOrg()).port(0).build().start();
             Emulator https = Emulator.builder().org(OrgDefinitionLoader.defaultOrg()).port(0).tls(tls).build().start()) {
            run(project, node, http.host(), null, "http");
            run(project, node, https.host(), tls, "https");
        }
    }

    private void run(NodeCompatProject project, Path node, OrgHost host, TlsSettings tls, String name) throws Exception {
        UserAccount user = host.org().defaultUser();
        ConnectedApp app = host.org().definition().connectedApps().getFirst();
        Path home = Files.createDirectories(work.resolve("home-" + name));
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("PATH", project.dir().resolve("node_modules").resolve(".bin") + java.io.File.pathSeparator + System.getenv("PATH"));
        env.put("SF_DISABLE_TELEMETRY", "true");
        env.put("SF_AUTOUPDATE_DISABLE", "true");
        // oclif's update plugin reads its own name of the switch; without it each command spawns "sf update --autoupdate"
        env.put("SF_DISABLE_AUTOUPDATE", "true");
        env.put("SF_SKIP_NEW_VERSION_CHECK", "true");
        env.put("SF_USE_GENERIC_UNIX_KEYCHAIN", "true");
        env.put("SF_SKIP_SCRATCH_ORG_CHECK", "true");
        env.put("SFSYNC_INSTANCE_URL", host.listeningUrl());
        env.put("SFSYNC_USERNAME", user.username());
        env.put("SFSYNC_WORK", Files.createDirectories(work.resolve("files-" + name)).toString());
        if (tls == null) {
            env.put("SFSYNC_ACCESS_TOKEN", host.sessions().issue(user, app, "api refresh_token", null).accessToken());
        } else {
            env.put("NODE_EXTRA_CA_CERTS", tls.trustFiles().orElseThrow().pem().toString());
            // The CLI's auth URL names a host and always means https: force://clientId:secret:refreshToken@host:port
            String refresh = host.sessions().issueRefresh(user, app, "api refresh_token").token();
            URI base = URI.create(host.listeningUrl());
            env.put("SFSYNC_SFDX_URL", "force://" + app.clientId() + ":" + app.clientSecret() + ":" + refresh + "@" + base.getHost() + ":" + base.getPort());
        }
        List<String> command = new ArrayList<>(List.of(node.toString(), "--test", "--test-concurrency=1", "--test-reporter=spec"));
        command.addAll(project.testFiles());
        NodeCompatProject.Run run = NodeCompatProject.Run.of(project.dir(), command, env, TEST_TIMEOUT);
        System.out.println(run.output());
        if (run.exitCode() != 0) {
            fail("the Salesforce CLI's compatibility tests failed over " + name + " (" + run.describeExit() + "); node's output:\n" + run.output());
        }
    }
}
