package dev.sfsync.emulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One HTTP request and its response, over Jetty's core API; handlers may block. */
public class Exchange {
    public static final String JSON = "application/json;charset=UTF-8";

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final String path;
    private Map<String, String> query;
    private byte[] body;
    private boolean committed;
    private boolean dropInsteadOfAnswering;
    private InputStream requestStream;

    /** An exchange that is not an HTTP request of its own (a composite subrequest); its subclass answers every call. */
    protected Exchange(String path) {
        this.request = null;
        this.response = null;
        this.callback = null;
        this.path = collapseSlashes(path);
    }

    /** False for the subrequests of a composite request, which Salesforce counts as one API call together. */
    public boolean countsAsApiCall() {
        return true;
    }

    public Exchange(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        // Empty segments route as Salesforce routes them: //services/data/v60.0 is /services/data/v60.0.
        this.path = collapseSlashes(request.getHttpURI().getDecodedPath());
    }

    public String method() {
        return request.getMethod();
    }

    public String path() {
        return path;
    }

    public String header(String name) {
        return request.getHeaders().get(name);
    }

    public Optional<String> queryParam(String name) {
        if (query == null) {
            query = parseForm(request.getHttpURI().getQuery());
        }
        return Optional.ofNullable(query.get(name));
    }

    public Map<String, String> queryParams() {
        queryParam("");
        return query;
    }

    /** Form fields of an application/x-www-form-urlencoded body, merged over the query string. */
    public Map<String, String> formParams() {
        Map<String, String> all = new LinkedHashMap<>(queryParams());
        String type = header("Content-Type");
        if (type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            all.putAll(parseForm(bodyString()));
        }
        return all;
    }

    public InputStream bodyStream() {
        if (body != null) {
            return new java.io.ByteArrayInputStream(body);
        }
        return requestStream();
    }

    private InputStream requestStream() {
        if (requestStream == null) {
            requestStream = Content.Source.asInputStream(request);
        }
        return requestStream;
    }

    /**
     * Reads and discards what the handler left of the request body. An answer sent while the body is still unread
     * (a fault, a failed login, a refused upload) would otherwise make Jetty close the keep-alive connection right after
     * it, and a client that sends its next request on that connection sees it break with nothing received.
     */
    private void drainUnreadBody() {
        if (body != null || !hasBody()) {
            return;
        }
        try {
            requestStream().transferTo(OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException e) {
            // The client went away or sent a broken body; the answer is still worth trying.
        }
    }

    private boolean hasBody() {
        return request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING) || request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH) > 0;
    }

    public byte[] body() {
        if (body == null) {
            try (InputStream in = requestStream()) {
                body = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return body;
    }

    public String bodyString() {
        return new String(body(), StandardCharsets.UTF_8);
    }

    /**
     * The body as JSON; a malformed body fails the call with JSON_PARSER_ERROR, as Salesforce does. A REST resource's
     * XML body ({@code Content-Type: application/xml}) is read into the same JSON.
     */
    public JsonNode jsonBody() {
        byte[] bytes = body();
        if (bytes.length == 0) {
            throw new ApiException(400, "JSON_PARSER_ERROR", "The request body is either invalid or incomplete.");
        }
        if (RestXml.isXmlContent(header("Content-Type")) && RestXml.isRestPath(path)) {
            return RestXml.parse(bytes);
        }
        try {
            return Json.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "JSON_PARSER_ERROR", e.getOriginalMessage() + " at [line:" + e.getLocation().getLineNr()
                    + ", column:" + e.getLocation().getColumnNr() + "]");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void setHeader(String name, String value) {
        response.getHeaders().put(name, value);
    }

    public boolean committed() {
        return committed;
    }

    public void json(int status, Object value) {
        try {
            if (answersInXml()) {
                send(status, RestXml.XML, RestXml.render(path, Json.MAPPER.valueToTree(value)));
                return;
            }
            send(status, JSON, Json.MAPPER.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a response", e);
        }
    }

    /** A REST resource asked for in XML ({@code Accept: application/xml}) answers in XML, errors included. */
    private boolean answersInXml() {
        return RestXml.prefersXml(header("Accept")) && RestXml.isRestPath(path);
    }

    public void noContent() {
        send(204, null, new byte[0]);
    }

    public void send(int status, String contentType, byte[] bytes) {
        ensureNotCommitted();
        if (dropInsteadOfAnswering) {
            dropConnection();
            return;
        }
        drainUnreadBody();
        response.setStatus(status);
        if (contentType != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        committed = true;
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    /** Streams a large body; the caller must close the stream, which completes the exchange. */
    public OutputStream stream(int status, String contentType) {
        ensureNotCommitted();
        if (dropInsteadOfAnswering) {
            committed = true;
            return new OutputStream() {
                @Override
                public void write(int b) {
                }

                @Override
                public void write(byte[] b, int off, int len) {
                }

                @Override
                public void close() {
                    dropConnection();
                }
            };
        }
        drainUnreadBody();
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        committed = true;
        OutputStream out = Content.Sink.asOutputStream(response);
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                try {
                    out.close();
                    callback.succeeded();
                } catch (IOException | RuntimeException e) {
                    callback.failed(e);
                    throw e;
                }
            }
        };
    }

    /** Breaks the connection without an answer, as a dropped connection does. */
    public void dropConnection() {
        committed = true;
        // Closing comes first: a callback failed on an open connection makes Jetty answer with an error page.
        request.getConnectionMetaData().getConnection().getEndPoint().close();
        callback.failed(new EofException("connection dropped by fault injection"));
    }

    /** Lets the request be processed as usual, then drops the connection where the answer would have gone. */
    public void dropInsteadOfAnswering() {
        dropInsteadOfAnswering = true;
    }

    public int localPort() {
        return ((java.net.InetSocketAddress) request.getConnectionMetaData().getLocalSocketAddress()).getPort();
    }

    /** The scheme, host and port the client used to reach us, for URLs we hand back. */
    public String origin() {
        var uri = request.getHttpURI();
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }

    private static String collapseSlashes(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        return path.contains("//") ? path.replaceAll("/{2,}", "/") : path;
    }

    private void ensureNotCommitted() {
        if (committed) {
            throw new IllegalStateException("response already sent");
        }
    }

    static Map<String, String> parseForm(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return out;
    }
}
