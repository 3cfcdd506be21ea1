package dev.sfsync.salesforce.observe;

/**
 * Sees every HTTP exchange the client makes, after it completes (for a streamed response: when the stream is closed).
 * Called on the thread that made the call; keep it quick and never throw. Everything it receives is redacted.
 */
@FunctionalInterface
public interface ExchangeListener {
    ExchangeListener NONE = exchange -> { };

    void exchanged(ApiExchange exchange);
}
