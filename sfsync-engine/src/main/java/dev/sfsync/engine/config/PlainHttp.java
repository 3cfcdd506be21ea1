package dev.sfsync.engine.config;

import java.net.URI;
import java.util.Locale;

/** Plain http is allowed to this machine only (a local emulator); anywhere else logins and tokens would travel in clear text. */
final class PlainHttp {
    private PlainHttp() {
    }

    static boolean beyondLoopback(String url) {
        if (!url.toLowerCase(Locale.ROOT).startsWith("http://")) {
            return false;
        }
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return false; // not a URL at all: reported as such
        }
        if (host == null) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT);
        return !(host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"));
    }
}
