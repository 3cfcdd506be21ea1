package dev.sfsync.salesforce.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A one-shot HTTP listener on 127.0.0.1 that receives the browser's redirect at the end of the web-server flow. It
 * answers the first request on its path that carries {@code code} or {@code error}, then stops; nothing else on the
 * machine's network can reach it.
 */
public final class LocalCallbackListener implements AutoCloseable {
    private final HttpServer server;
    private final String path;
    private final CompletableFuture<Map<String, String>> callback = new CompletableFuture<>();
    private volatile String expectedState;

    private LocalCallbackListener(HttpServer server, String path) {
        this.server = server;
        this.path = path;
    }

    /**
     * @param port 0 for any free port; connected apps register an exact callback URL, so real use names a fixed port
     * @param path e.g. "/callback"
     */
    public static LocalCallbackListener open(int port, String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("the callback path starts with '/', e.g. /callback, not '" + path + "'");
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            LocalCallbackListener listener = new LocalCallbackListener(server, path);
            server.createContext("/", listener::handle);
            server.start();
            return listener;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for the OAuth callback on 127.0.0.1:" + port
                    + " (" + e.getMessage() + "); free the port or configure another callback port", e);
        }
    }

    /** The redirect_uri to register in the connected app and send in the authorize URL. */
    public String redirectUri() {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    /**
     * The {@code state} the authorize URL carries: a callback without it (forged by another page or process that knows
     * the port) is answered 400 and ignored, and the listener keeps waiting for the real one.
     */
    public void expectState(String state) {
        this.expectedState = state;
    }

    /** The callback's query parameters; empty when the browser did not come back in time. */
    public Optional<Map<String, String>> await(Duration timeout) throws InterruptedException {
        try {
            return Optional.of(callback.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the callback listener failed", e.getCause());
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> params = query(exchange.getRequestURI().getRawQuery());
        boolean isCallback = exchange.getRequestURI().getPath().equals(path) && (params.containsKey("code") || params.containsKey("error"));
        if (!isCallback || callback.isDone()) {
            respond(exchange, 404, "Not the OAuth callback.");
            return;
        }
        String expected = expectedState;
        if (expected != null && !expected.equals(params.get("state"))) {
            respond(exchange, 400, "This callback does not belong to the login sfsync started (its state does not match); it was ignored"
                    + " and nothing was stored. If you did start a login, use the URL sfsync printed.");
            return;
        }
        respond(exchange, 200, params.containsKey("error")
                ? "Salesforce did not grant access (" + escape(params.get("error")) + "). You can close this window."
                : "sfsync is connected to Salesforce. You can close this window.");
        callback.complete(params);
    }

    private static void respond(HttpExchange exchange, int status, String message) throws IOException {
        byte[] body = ("<!doctype html><meta charset=utf-8><title>sfsync</title><p>" + message + "</p>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
