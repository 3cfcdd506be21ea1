package dev.sfsync.emulator.admin;

import java.net.URI;
import java.util.Locale;

/**
 * Who may call {@code /__admin/}: any client without a browser {@code Origin} (tests, curl, sfsync), and pages served by
 * the emulator itself. A page on another site open in the same browser could otherwise reset the org, read its records
 * or mint sessions by a cross-site request to localhost.
 */
public final class AdminOrigin {
    private AdminOrigin() {
    }

    /** True when the request may use the admin endpoints: no Origin header, or the emulator's own origin on this port. */
    public static boolean allowed(String origin, int localPort) {
        if (origin == null || origin.isBlank()) {
            return true;
        }
        try {
            URI uri = URI.create(origin.strip());
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
            return "http".equalsIgnoreCase(uri.getScheme()) && loopback && uri.getPort() == localPort;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** True when a bind address lets other machines reach the emulator (and its admin endpoints, which need no login). */
    public static boolean beyondLoopback(String bindAddress) {
        String host = bindAddress.toLowerCase(Locale.ROOT);
        return !(host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]"));
    }
}
