package dev.sfsync.salesforce.internal;

import dev.sfsync.salesforce.observe.ApiExchange;
import dev.sfsync.salesforce.observe.ExchangeListener;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * One attempt of one HTTP exchange over the JDK's HttpClient: HTTP/1.1 with keep-alive (Salesforce's APIs gain
 * nothing from HTTP/2 and some proxies in front of orgs mishandle it), gzip responses, a connect and a header timeout,
 * and bodies handed back as streams. Every exchange is reported, redacted, to the listener once its body is closed.
 * Thread-safe.
 */
public final class HttpTransport implements AutoCloseable {
    /**
     * @param connectTimeout   to open a TCP (and TLS) connection
     * @param responseTimeout  from sending a request until its response headers arrive
     * @param bodyPreviewBytes how much of each body the exchange listener sees
     */
    public record Settings(Duration connectTimeout, Duration responseTimeout, int bodyPreviewBytes) {
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(20), Duration.ofSeconds(120), 64 * 1024);

        public Settings {
            Objects.requireNonNull(connectTimeout, "connectTimeout is null");
            Objects.requireNonNull(responseTimeout, "responseTimeout is null");
            if (connectTimeout.isNegative() || connectTimeout.isZero() || responseTimeout.isNegative() || responseTimeout.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive, got connect " + connectTimeout + " and response " + responseTimeout);
            }
            if (bodyPreviewBytes < 0) {
                throw new IllegalArgumentException("bodyPreviewBytes cannot be negative: " + bodyPreviewBytes);
            }
        }
    }

    private final HttpClient http;
    private final Settings settings;
    private final ExchangeListener listener;
    private final Redactor redactor;
    private final Clock clock;

    public HttpTransport(Settings settings, ExchangeListener listener, Redactor redactor, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings is null");
        this.listener = Objects.requireNonNull(listener, "listener is null");
        this.redactor = Objects.requireNonNull(redactor, "redactor is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Redactor redactor() {
        return redactor;
    }

    /** Closes the pooled connections and the client's threads; calls after this fail. */
    @Override
    public void close() {
        http.close();
    }

    /** Sends once. An IOException means no (complete) response head arrived; it has been reported to the listener. */
    public RawResponse send(String method, URI uri, Map<String, String> headers, RequestBody body, int attempt)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeoutFor(body))
                .method(method, body.publisher())
                .header("Accept-Encoding", "gzip");
        headers.forEach(request::header);
        if (body.contentType() != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", body.contentType());
        }
        HttpRequest built = request.build();
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        ExchangeRecorder recorder = new ExchangeRecorder(built, body, attempt, started, startNanos);
        HttpResponse<InputStream> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            recorder.failed(e);
            throw e;
        }
        recorder.headersArrived(response);
        InputStream raw = response.body();
        boolean gzip = response.headers().firstValue("Content-Encoding").map(v -> v.equalsIgnoreCase("gzip")).orElse(false);
        InputStream decoded = raw;
        if (gzip) {
            try {
                decoded = new GZIPInputStream(raw, 64 * 1024);
            } catch (java.io.EOFException emptyBody) {
                decoded = InputStream.nullInputStream();
            }
        }
        int previewBytes = BodyPreview.limit(recorder.responseContentType(), settings.bodyPreviewBytes());
        return new RawResponse(response.statusCode(), response.headers().map(), new ObservedStream(decoded, previewBytes, recorder));
    }

    /**
     * The JDK's request timeout runs until the response headers arrive, which includes sending the body; a 100 MB
     * Bulk upload gets extra time at a floor of 256 KB/s so a slow uplink is not mistaken for a dead server.
     */
    private Duration timeoutFor(RequestBody body) {
        return settings.responseTimeout().plusMillis(body.length() / 256);
    }

    /** Collects one exchange's facts and reports them exactly once. */
    final class ExchangeRecorder {
        private final HttpRequest request;
        private final RequestBody body;
        private final int attempt;
        private final Instant started;
        private final long startNanos;
        private int status;
        private Duration timeToHeaders = Duration.ZERO;
        private Map<String, List<String>> responseHeaders = Map.of();
        private boolean reported;

        ExchangeRecorder(HttpRequest request, RequestBody body, int attempt, Instant started, long startNanos) {
            this.request = request;
            this.body = body;
            this.attempt = attempt;
            this.started = started;
            this.startNanos = startNanos;
        }

        void headersArrived(HttpResponse<?> response) {
            status = response.statusCode();
            responseHeaders = response.headers().map();
            timeToHeaders = Duration.ofNanos(System.nanoTime() - startNanos);
        }

        void failed(IOException e) {
            report(0, new byte[0], describe(e));
        }

        void report(long responseBytes, byte[] responsePreview, String failure) {
            if (reported) {
                return;
            }
            reported = true;
            Duration total = Duration.ofNanos(System.nanoTime() - startNanos);
            Map<String, List<String>> requestHeaders = new LinkedHashMap<>(request.headers().map());
            ApiExchange exchange = new ApiExchange(request.method(), redactor.uri(request.uri()), status, attempt, started,
                    timeToHeaders, total, redactor.headers(requestHeaders), redactor.headers(responseHeaders), body.length(),
                    responseBytes, BodyPreview.text(body.preview(BodyPreview.limit(body.contentType(), settings.bodyPreviewBytes())), body.length(),
                    body.contentType(), redactor), BodyPreview.text(responsePreview, responseBytes, responseContentType(), redactor), failure);
            try {
                listener.exchanged(exchange);
            } catch (RuntimeException listenerBug) {
                // A listener that throws must not turn a successful call into a failed one.
            }
        }

        String responseContentType() {
            return responseHeaders.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Content-Type"))
                    .flatMap(h -> h.getValue().stream()).findFirst().orElse(null);
        }
    }

    static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
