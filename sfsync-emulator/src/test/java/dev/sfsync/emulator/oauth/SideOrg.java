package dev.sfsync.emulator.oauth;

import dev.sfsync.emulator.Emulator;
import dev.sfsync.emulator.org.OrgDefinitionLoader;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * A second, sandbox org for what the shared test org can't show: an inactive user, test.salesforce.com as JWT
 * audience, and a clock the test moves forward. Each test starts and closes its own.
 */
final class SideOrg {
    static final String CLIENT_ID = "side-client";
    static final String SECRET = "side-secret";

    private static final String YAML = """
            name: Side Org
            environment: sandbox
            connectedApps:
              - name: Side App
                clientId: side-client
                clientSecret: side-secret
                redirectUris: [http://localhost:1717/callback]
            users:
              - username: active@side.org
                password: active-pass
              - username: gone@side.org
                password: gone-pass
                active: false
            """;

    private SideOrg() {
    }

    static Emulator start(Clock clock) {
        return Emulator.builder().org(OrgDefinitionLoader.load(YAML.getBytes(StandardCharsets.UTF_8), "side-org.yaml"))
                .clock(clock).build().start();
    }
}
