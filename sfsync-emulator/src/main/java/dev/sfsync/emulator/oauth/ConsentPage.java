package dev.sfsync.emulator.oauth;

import dev.sfsync.emulator.http.Exchange;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The emulator's stand-in for Salesforce's login and "Allow Access?" pages: one form posting back to
 * /services/oauth2/authorize with username, password and action=Allow|Deny, plus the request's own parameters.
 */
final class ConsentPage {
    private static final String HTML = "text/html;charset=UTF-8";

    private ConsentPage() {
    }

    static void show(Exchange exchange, String appName, AuthorizeRequest request, String username, String problem) {
        StringBuilder html = new StringBuilder(1024);
        html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Allow Access?</title></head><body>\n")
                .append("<h1>Allow Access?</h1>\n<p>").append(escape(appName)).append(" is asking to access your data")
                .append(request.scope() == null ? "" : " (" + escape(request.scope()) + ")").append(".</p>\n");
        if (problem != null) {
            html.append("<p id=\"error\" role=\"alert\">").append(escape(problem)).append("</p>\n");
        }
        html.append("<form method=\"post\" action=\"/services/oauth2/authorize\">\n");
        for (Map.Entry<String, String> field : request.asParams().entrySet()) {
            html.append("<input type=\"hidden\" name=\"").append(escape(field.getKey())).append("\" value=\"")
                    .append(escape(field.getValue())).append("\">\n");
        }
        html.append("<label>Username <input type=\"email\" name=\"username\" value=\"").append(escape(username == null ? "" : username))
                .append("\"></label>\n<label>Password <input type=\"password\" name=\"password\"></label>\n")
                .append("<button type=\"submit\" name=\"action\" value=\"Allow\">Allow</button>\n")
                .append("<button type=\"submit\" name=\"action\" value=\"Deny\">Deny</button>\n</form>\n</body></html>\n");
        exchange.setHeader("Cache-Control", "no-store");
        exchange.send(200, HTML, html.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Salesforce shows an error page instead of redirecting when it can't trust the callback (unknown client id,
     * unregistered redirect_uri): sending the browser to an unverified URL would make it an open redirector.
     */
    static void error(Exchange exchange, String error, String description) {
        String html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Error</title></head><body>\n<h1>"
                + escape(error) + "</h1>\n<p>error=" + escape(error) + "<br>error_description=" + escape(description)
                + "</p>\n</body></html>\n";
        exchange.setHeader("Cache-Control", "no-store");
        exchange.send(400, HTML, html.getBytes(StandardCharsets.UTF_8));
    }

    static String escape(String text) {
        return dev.sfsync.emulator.http.ErrorBodies.escape(text);
    }
}
