package dev.sfsync.salesforce;

import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

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
}
