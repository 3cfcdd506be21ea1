package dev.sfsync.server.web;

import dev.sfsync.server.RunningServer;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A browser of one user over plain HTTP: cookies kept, redirects not followed (so they can be asserted). */
final class UiBrowser {
    private final RunningServer server;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private String csrf = "";

    UiBrowser(RunningServer server) {
        this.server = server;
    }

    UiBrowser logIn(String user) {
        HttpResponse<String> login = post("/ui/login", "name=" + user + "&password=" + enc("correct horse battery staple") + "&next=/ui/syncs");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(303);
        assertThat(login.headers().firstValue("Location")).contains("/ui/syncs");
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get("/ui/syncs").body());
        assertThat(token.find()).isTrue();
        csrf = token.group(1);
        return this;
    }

    String csrf() {
        return csrf;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(server.url(path))).GET().build());
    }

    HttpResponse<String> post(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create(server.url(path))).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    HttpResponse<String> postWithToken(String path) {
        return post(path, "_csrf=" + enc(csrf));
    }

    /** A server-sent event stream (or whatever answers instead), as lines, with the browser's cookie. */
    HttpResponse<java.util.stream.Stream<String>> events(String path, String lastEventId) {
        // As a browser asks: gzip welcome (the stream must come uncompressed anyway, or it would arrive all at the end).
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path))).header("Accept", "text/event-stream")
                .header("Accept-Encoding", "gzip")
                .timeout(java.time.Duration.ofSeconds(60)).GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
