package dev.sfsync.engine.project;

import dev.sfsync.engine.config.ConnectionConfig;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.observe.ExchangeListener;

/** Builds a client for a project connection, telling {@code listener} about every HTTP exchange. */
@FunctionalInterface
public interface ClientFactory {
    SalesforceClient client(ConnectionConfig connection, ExchangeListener listener);
}
