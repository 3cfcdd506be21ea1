package dev.sfsync.engine.quota;

import dev.sfsync.engine.config.ConnectionConfig;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.limits.ApiUsage;
import dev.sfsync.salesforce.observe.ExchangeListener;
import dev.sfsync.store.StateStore;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A connection's daily API quota: the org's used and limit (GET /limits), the reserve sfsync keeps for others, what
 * runs may still spend, and which of the project's syncs spent what in the last 24 hours (the API log).
 *
 * @param usage     null when the org could not be asked ({@code problem} says why)
 * @param bySync    calls per sync through this connection in the last 24 h
 */
public record QuotaReport(String connection, ApiUsage usage, String reserve, long reserved, long available, Map<String, Long> bySync,
                          String problem) {

    public static QuotaReport of(ConnectionConfig connection, Collection<String> syncs, StateStore store,
                                 BiFunction<ConnectionConfig, ExchangeListener, SalesforceClient> clients, Clock clock) {
        Instant since = clock.instant().minus(QuotaWindow.WINDOW);
        Map<String, Long> bySync = new LinkedHashMap<>();
        store.apiLog().callsBySync(since).forEach((sync, calls) -> {
            if (syncs.contains(sync)) {
                bySync.put(sync, calls);
            }
        });
        String reserve = QuotaWindow.describe(connection.reserve());
        try (SalesforceClient client = clients.apply(connection, ExchangeListener.NONE)) {
            client.rest().limits();
            ApiUsage usage = client.apiUsage().orElseThrow(() -> new IllegalStateException("/limits answered without DailyApiRequests"));
            long reserved = connection.reserve().reservedOf(usage.max());
            return new QuotaReport(connection.name(), usage, reserve, reserved, QuotaWindow.available(usage, connection.reserve()), bySync, null);
        } catch (dev.sfsync.core.SfsyncException e) {
            return new QuotaReport(connection.name(), null, reserve, 0, 0, bySync, e.problem() + " (fix: " + e.fix() + ")");
        } catch (dev.sfsync.salesforce.error.SalesforceException e) {
            return new QuotaReport(connection.name(), null, reserve, 0, 0, bySync, e.getMessage());
        }
    }
}
