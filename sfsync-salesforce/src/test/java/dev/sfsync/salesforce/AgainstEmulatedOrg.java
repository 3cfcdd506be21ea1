package dev.sfsync.salesforce;

import dev.sfsync.salesforce.retry.PollPolicy;
import dev.sfsync.salesforce.retry.Sleeper;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.time.Duration;

/** Base of the tests that talk to an emulated org: one emulator per class, a fresh org and client per test. */
public abstract class AgainstEmulatedOrg {
    @RegisterExtension
    protected static final EmulatedOrg org = Emulated.org();

    protected final RecordedExchanges exchanges = new RecordedExchanges();
    protected final RecordingSleeper sleeper = new RecordingSleeper();
    protected SalesforceClient client;

    @BeforeEach
    void connect() {
        client = Emulated.builder(org, exchanges, sleeper).build();
    }

    /**
     * Replaces the client with one for Bulk tests: it sleeps for real (jobs finish in the background) but polls every
     * 20-200 ms, and spools uploads into {@code work}.
     */
    protected void useBulkClient(Path work) {
        client.close();
        client = Emulated.builder(org, exchanges, sleeper).sleeper(Sleeper.SYSTEM).workDirectory(work)
                .pollPolicy(new PollPolicy(Duration.ofMillis(20), Duration.ofMillis(200), 2, Duration.ofSeconds(60))).build();
    }

    @AfterEach
    void release() {
        client.close();
    }
}
