package dev.sfsync.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One subrequest of a composite request, run through the same routes as a request of its own: its method, URL, headers
 * and JSON body come from the composite body, and its answer is kept to be put into the composite response.
 */
public final class SubExchange extends Exchange {
    private final String method;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, String> query;
    private final byte[] requestBody;
    private final Exchange parent;
    private final Map<String, String> responseHeaders = new LinkedHashMap<>();
    private int status;
    private byte[] responseBody = new byte[0];
    private String responseType;
    private boolean committed;

    public SubExchange(Exchange parent, String method, String url, Map<String, String> headers, JsonNode body) {
        super(pathOf(url));
        this.parent = parent;
        this.method = method;
        this.query = parseForm(url.contains("?") ? url.substring(url.indexOf('?') + 1) : null);
        this.headers.put("Authorization", parent.header("Authorization"));
        this.headers.put("Content-Type", "application/json");
        this.headers.putAll(headers);
        try {
            this.requestBody = body == null || body.isNull() || body.isMissingNode() ? new byte[0] : Json.MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a subrequest body", e);
        }
    }

    private static String pathOf(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    @Override
    public boolean countsAsApiCall() {
        return false;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String header(String name) {
        return headers.get(name);
    }

    @Override
    public Optional<String> queryParam(String name) {
        return Optional.ofNullable(query.get(name));
    }

    @Override
    public Map<String, String> queryParams() {
        return query;
    }

    @Override
    public Map<String, String> formParams() {
        return query;
    }

    @Override
    public InputStream bodyStream() {
        return new ByteArrayInputStream(requestBody);
    }

    @Override
    public byte[] body() {
        return requestBody;
    }

    @Override
    public void setHeader(String name, String value) {
        // Limit headers go on the composite response itself, as Salesforce reports them once per call.
        if (name.equalsIgnoreCase("Sforce-Limit-Info")) {
            parent.setHeader(name, value);
        } else {
            responseHeaders.put(name, value);
        }
    }

    @Override
    public boolean committed() {
        return committed;
    }

    @Override
    public void send(int status, String contentType, byte[] bytes) {
        this.status = status;
        this.responseType = contentType;
        this.responseBody = bytes;
        this.committed = true;
    }

    @Override
    public OutputStream stream(int status, String contentType) {
        this.status = status;
        this.responseType = contentType;
        this.committed = true;
        return new ByteArrayOutputStream() {
            @Override
            public void close() {
                responseBody = toByteArray();
            }
        };
    }

    @Override
    public void dropConnection() {
        send(500, JSON, "[{\"errorCode\":\"UNKNOWN_EXCEPTION\",\"message\":\"the subrequest was dropped\"}]".getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void dropInsteadOfAnswering() {
        // A composite subrequest always answers; a dropped connection is the composite request's own fault.
    }

    @Override
    public int localPort() {
        return parent.localPort();
    }

    @Override
    public String origin() {
        return parent.origin();
    }

    public int status() {
        return status;
    }

    public Map<String, String> responseHeaders() {
        return responseHeaders;
    }

    /** The answer as JSON (null for an empty body; text for a body that is not JSON). */
    public JsonNode responseJson() {
        if (responseBody.length == 0) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(responseBody);
        } catch (IOException e) {
            return Json.MAPPER.getNodeFactory().textNode(new String(responseBody, StandardCharsets.UTF_8));
        }
    }

    public String responseType() {
        return responseType;
    }
}
