package dev.sfsync.emulator;

import dev.sfsync.emulator.http.ErrorBodies;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * Errors the HTTP layer answers itself (a request line it cannot parse, a header too large, a failure before routing)
 * in the API's own error shape instead of Jetty's HTML page.
 */
final class SalesforceErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        ErrorBodies.Body body = ErrorBodies.of(request.getHttpURI().getPath(), code, ErrorBodies.codeFor(code), text(code, message));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, body.contentType());
        response.write(true, ByteBuffer.wrap(body.bytes()), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        ErrorBodies.Body body = ErrorBodies.of("", status, ErrorBodies.codeFor(status), text(status, reason));
        fields.put(HttpHeader.CONTENT_TYPE, body.contentType());
        return ByteBuffer.wrap(body.bytes());
    }

    private static String text(int status, String message) {
        if (status == 404) {
            return "The requested resource does not exist";
        }
        return message == null || message.isBlank() ? "HTTP " + status : message;
    }
}
