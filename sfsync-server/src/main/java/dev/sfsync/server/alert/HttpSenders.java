package dev.sfsync.server.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;

/** The destinations reached by an HTTP POST of JSON: Slack, a generic webhook (HMAC-signed) and PagerDuty Events v2. */
final class HttpSenders {
    /** The header a webhook receiver checks: {@code sha256=} and the hex HMAC-SHA256 of the raw body with the shared secret. */
    static final String SIGNATURE_HEADER = "X-Sfsync-Signature";
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private HttpSenders() {
    }

    static Sender slack(Supplier<String> webhookUrl) {
        return event -> post(webhookUrl.get(), JSON.createObjectNode().put("text", event.text()).toString(), Map.of(), "Slack");
    }

    static Sender webhook(String url, Supplier<String> secret) {
        return event -> {
            String body = write(event);
            String key = secret.get();
            post(url, body, key == null ? Map.of() : Map.of(SIGNATURE_HEADER, "sha256=" + hmac(key, body)), "webhook");
        };
    }

    static Sender pagerDuty(String eventsUrl, Supplier<String> routingKey) {
        return event -> {
            ObjectNode body = JSON.createObjectNode();
            body.put("routing_key", routingKey.get());
            body.put("event_action", switch (event.kind()) {
                case TRIGGER, TEST -> "trigger";
                case RESOLVE -> "resolve";
            });
            body.put("dedup_key", event.incidentId());
            ObjectNode payload = body.putObject("payload");
            payload.put("summary", event.title());
            payload.put("source", "sfsync");
            payload.put("severity", event.kind() == AlertEvent.Kind.TEST ? "info" : "error");
            payload.put("component", event.subject());
            payload.put("class", event.condition());
            payload.set("custom_details", JSON.valueToTree(Map.of("detail", String.valueOf(event.detail()), "run", String.valueOf(event.runId()),
                    "top_errors", event.topErrors())));
            if (event.runLink() != null) {
                ArrayNode links = body.putArray("links");
                links.addObject().put("href", event.runLink()).put("text", "the run in sfsync");
            }
            post(eventsUrl, body.toString(), Map.of(), "PagerDuty");
        };
    }

    static String hmac(String key, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    private static String write(AlertEvent event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void post(String url, String body, Map<String, String> headers, String what) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Sender.DeliveryFailed(what + " unreachable: " + e.getClass().getSimpleName() + " " + e.getMessage(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Sender.DeliveryFailed(what + " delivery interrupted", false, e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            String answer = response.body() == null ? "" : response.body();
            throw new Sender.DeliveryFailed(what + " answered HTTP " + status + ": " + (answer.length() > 200 ? answer.substring(0, 200) : answer),
                    status == 429 || status >= 500, null);
        }
    }
}
