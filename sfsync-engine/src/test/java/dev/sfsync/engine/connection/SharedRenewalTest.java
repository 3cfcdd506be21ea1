package dev.sfsync.engine.connection;

import dev.sfsync.emulator.org.ConnectedApp;
import dev.sfsync.engine.config.ConnectionConfig;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.observe.ExchangeListener;
import dev.sfsync.salesforce.retry.Sleeper;
import dev.sfsync.store.SalesforceConnection;
import dev.sfsync.store.StateStore;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Refresh tokens that Salesforce rotates, shared by several holders of one stored connection. */
class SharedRenewalTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefaultOrg();
    private static final ConnectedApp ROTATING = new ConnectedApp("Rotating", "rotating-client", "rotating-secret", List.of(), null, false, true, true);

    @TempDir
    Path state;

    private ConnectionConfig connection() {
        return new ConnectionConfig("prod", ConnectionConfig.Environment.CUSTOM, org.loginUrl(), ROTATING.clientId(), Optional.empty(), Optional.empty());
    }

    /** What the browser login stores: the refresh token (and the secret, which the app does not require for refreshes). */
    private String storeBrowserLogin(StateStore store) {
        String refreshToken = org.host().sessions().issueRefresh(org.user(), ROTATING, "api refresh_token").token();
        String accessToken = org.host().sessions().issue(org.user(), ROTATING, "api refresh_token", refreshToken).accessToken();
        store.connections().save(new SalesforceConnection("prod", SalesforceConnection.Environment.PRODUCTION, org.loginUrl(), org.instanceUrl(),
                ROTATING.clientId(), org.username(), org.host().org().id(), SalesforceConnection.Status.CONNECTED, null,
                new SalesforceConnection.Secrets(accessToken, refreshToken, null), null));
        return refreshToken;
    }

    @Test
    void a_rotated_refresh_token_is_stored_and_the_old_one_is_dead() {
        org.putConnectedApp(ROTATING);
        try (StateStore store = StateStore.embedded(state).open()) {
            String first = storeBrowserLogin(store);
            org.expireAccessTokens();

            try (SalesforceClient client = new Logins(store, state, state, Sleeper.SYSTEM).client(connection(), ExchangeListener.NONE)) {
                client.rest().limits();
            }

            String stored = store.connections().find("prod").orElseThrow().secrets().refreshToken();
            assertThat(stored).isNotEqualTo(first);
            assertThat(org.refreshTokenIsLive(stored)).isTrue();
            assertThat(org.refreshTokenIsLive(first)).isFalse();
        }
    }

    @Test
    void concurrent_holders_of_one_rotating_grant_refresh_once_and_all_stay_connected() throws Exception {
        org.putConnectedApp(ROTATING);
        int holders = 6;
        List<StateStore> stores = new ArrayList<>();
        try {
            // Each holder opens the state directory on its own, as separate processes (runs, the server) do.
            for (int i = 0; i < holders; i++) {
                stores.add(StateStore.embedded(state).open());
            }
            storeBrowserLogin(stores.getFirst());
            List<SalesforceClient> clients = new ArrayList<>();
            for (StateStore store : stores) {
                clients.add(new Logins(store, state, state, Sleeper.SYSTEM).client(connection(), ExchangeListener.NONE));
            }
            org.expireAccessTokens();

            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(holders);
            List<Future<Long>> calls = new ArrayList<>();
            for (SalesforceClient client : clients) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return client.rest().limits().get("DailyApiRequests").max();
                }));
            }
            start.countDown();
            for (Future<Long> call : calls) {
                assertThat(call.get()).as("every holder stays connected").isPositive();
            }
            pool.shutdown();
            clients.forEach(SalesforceClient::close);
            String stored = stores.getFirst().connections().find("prod").orElseThrow().secrets().refreshToken();
            assertThat(org.refreshTokenIsLive(stored)).as("the stored refresh token is the one Salesforce honours").isTrue();
        } finally {
            stores.forEach(StateStore::close);
        }
    }
}
