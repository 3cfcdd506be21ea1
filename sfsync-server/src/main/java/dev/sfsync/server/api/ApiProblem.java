package dev.sfsync.server.api;

/**
 * An API error as an RFC 9457 problem document: {@code type}, {@code title}, {@code status}, {@code detail}, plus
 * {@code fix} (how to get past it). Thrown by handlers; written by the server's exception handler.
 */
public final class ApiProblem extends RuntimeException {
    private final int status;
    private final String title;
    private final String fix;

    public ApiProblem(int status, String title, String detail, String fix) {
        super(detail);
        this.status = status;
        this.title = title;
        this.fix = fix;
    }

    public static ApiProblem notFound(String what, String fix) {
        return new ApiProblem(404, "Not found", what, fix);
    }

    public static ApiProblem badRequest(String detail, String fix) {
        return new ApiProblem(400, "Bad request", detail, fix);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String fix() {
        return fix;
    }

    /** The document's fields, in the order RFC 9457 lists them. */
    public java.util.Map<String, Object> document(String instance) {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", "https://sfsync.dev/problems/" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        body.put("title", title);
        body.put("status", status);
        body.put("detail", getMessage());
        body.put("instance", instance);
        body.put("fix", fix);
        return body;
    }
}
