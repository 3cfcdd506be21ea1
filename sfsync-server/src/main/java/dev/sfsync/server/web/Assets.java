package dev.sfsync.server.web;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The few files the pages load, served from the jar: htmx, its server-sent events extension and uPlot from their webjars (no CDN, so the UI works on a
 * closed network), the stylesheet and the small script of the pages.
 */
final class Assets {
    private static final Map<String, String[]> FILES = Map.of(
            "htmx.min.js", new String[] {"META-INF/resources/webjars/htmx.org/" + Versions.HTMX + "/dist/htmx.min.js", "text/javascript"},
            "htmx-sse.js", new String[] {"META-INF/resources/webjars/htmx-ext-sse/" + Versions.HTMX_SSE + "/sse.js", "text/javascript"},
            "uplot.min.js", new String[] {"META-INF/resources/webjars/uplot/" + Versions.UPLOT + "/dist/uPlot.iife.min.js", "text/javascript"},
            "uplot.min.css", new String[] {"META-INF/resources/webjars/uplot/" + Versions.UPLOT + "/dist/uPlot.min.css", "text/css"},
            "app.css", new String[] {"dev/sfsync/server/web/app.css", "text/css"},
            "app.js", new String[] {"dev/sfsync/server/web/app.js", "text/javascript"});

    private Assets() {
    }

    static void serve(Context ctx) {
        String[] file = FILES.get(ctx.pathParam("file"));
        if (file == null) {
            ctx.status(404).contentType("text/plain").result("no such asset");
            return;
        }
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(file[0])) {
            if (in == null) {
                throw new IllegalStateException("asset " + file[0] + " is missing from the jar");
            }
            ctx.contentType(file[1] + "; charset=utf-8").header("Cache-Control", "public, max-age=3600").result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The webjars' versions, as in sfsync-server's pom (a test checks each file is on the classpath). */
    static final class Versions {
        static final String HTMX = "2.0.7";
        static final String HTMX_SSE = "2.2.2";
        static final String UPLOT = "1.6.30";

        private Versions() {
        }
    }
}
