package dev.sfsync.emulator.http;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps method + path pattern to a handler. Patterns are regular expressions over the decoded path; their groups
 * are handed to the handler. A path that matches with another method answers 405 with the allowed methods.
 */
public final class Router {
    /** Handles one matched request. */
    @FunctionalInterface
    public interface Handler {
        void handle(Exchange exchange, Matcher path) throws Exception;
    }

    private record Route(String method, Pattern pattern, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();

    public Router on(String method, String regex, Handler handler) {
        routes.add(new Route(method, Pattern.compile(regex), handler));
        return this;
    }

    /** Runs the matching handler; returns false when no route matches the path at all. */
    public boolean dispatch(Exchange exchange) throws Exception {
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Matcher matcher = route.pattern.matcher(exchange.path());
            if (matcher.matches()) {
                if (route.method.equals(exchange.method()) || (route.method.equals("GET") && exchange.method().equals("HEAD"))) {
                    route.handler.handle(exchange, matcher);
                    return true;
                }
                allowed.add(route.method);
            }
        }
        if (!allowed.isEmpty()) {
            throw ApiException.methodNotAllowed(exchange.method(), List.copyOf(allowed));
        }
        return false;
    }
}
