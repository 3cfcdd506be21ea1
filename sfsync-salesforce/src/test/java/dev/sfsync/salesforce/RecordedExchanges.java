package dev.sfsync.salesforce;

import dev.sfsync.salesforce.observe.ApiExchange;
import dev.sfsync.salesforce.observe.ExchangeListener;

import java.util.ArrayList;
import java.util.List;

/** Keeps every exchange the client reports, for tests to count calls and inspect what was shown. */
public final class RecordedExchanges implements ExchangeListener {
    private final List<ApiExchange> exchanges = new ArrayList<>();

    @Override
    public synchronized void exchanged(ApiExchange exchange) {
        exchanges.add(exchange);
    }

    public synchronized List<ApiExchange> all() {
        return List.copyOf(exchanges);
    }

    public synchronized void clear() {
        exchanges.clear();
    }

    /** Exchanges whose URL path contains the fragment, e.g. "/oauth2/token". */
    public synchronized List<ApiExchange> to(String pathFragment) {
        return exchanges.stream().filter(e -> e.url().getPath().contains(pathFragment)).toList();
    }
}
