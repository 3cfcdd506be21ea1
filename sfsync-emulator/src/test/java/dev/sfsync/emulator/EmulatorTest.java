package dev.sfsync.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the emulator's own tests: one emulator per class on a free port with the test org
 * (src/test/resources/test-org.yaml), reset before each test. Other modules use sfsync-testing's extension instead.
 */
public abstract class EmulatorTest {
    protected static Emulator emulator;
    protected static OrgHost host;
    protected Http http;

    @BeforeAll
    static void startEmulator() throws Exception {
        try (var in = EmulatorTest.class.getResourceAsStream("/test-org.yaml")) {
            emulator = Emulator.builder().org(dev.sfsync.emulator.org.OrgDefinitionLoader.load(in.readAllBytes(), "test-org.yaml")).build().start();
        }
        host = emulator.host();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void resetOrg() {
        emulator.reset();
        http = Http.loggedIn(host);
    }

    protected static String data(String path) {
        return "/services/data/v60.0" + path;
    }
}
