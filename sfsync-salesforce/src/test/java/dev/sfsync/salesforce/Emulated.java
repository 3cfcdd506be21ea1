package dev.sfsync.salesforce;

import dev.sfsync.salesforce.auth.Credentials;
import dev.sfsync.salesforce.auth.LoginHost;
import dev.sfsync.testing.EmulatedOrg;

import java.util.Random;

/** Clients for the in-process emulator: its URL as login host, recorded exchanges, and waits recorded instead of slept. */
public final class Emulated {
    public static final String ORG_FILE = "orgs/client-test.yaml";

    private Emulated() {
    }

    public static EmulatedOrg org() {
        return EmulatedOrg.withDefinition(ORG_FILE);
    }

    public static Credentials.Password password(EmulatedOrg org) {
        return Credentials.password(org.clientId(), org.clientSecret(), org.username(), org.password());
    }

    /** A builder logging in with the password grant, recording every exchange and every wait. */
    public static SalesforceClient.Builder builder(EmulatedOrg org, RecordedExchanges exchanges, RecordingSleeper sleeper) {
        return SalesforceClient.builder()
                .loginHost(LoginHost.of(org.loginUrl()))
                .credentials(password(org))
                .listener(exchanges)
                .sleeper(sleeper)
                .random(new Random(42));
    }

    public static SalesforceClient client(EmulatedOrg org) {
        return builder(org, new RecordedExchanges(), new RecordingSleeper()).build();
    }
}
