package dev.sfsync.server.web;

import dev.sfsync.core.RunId;
import dev.sfsync.server.ServerContext;
import dev.sfsync.store.LoggedCall;
import dev.sfsync.store.Run;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The live debugger's server-sent events: a run in progress streams its calls as they are logged, one {@code call}
 * event per call (the table row, as the page renders it, its number as the event id, so a reconnecting browser
 * resumes after the last row it has), then {@code end} once the run ended, and the stream closes. One thread looks
 * for new calls of every open stream twice a second (and ends when none is open), so an idle browser holds no thread; about
 * {@value #MOST_STREAMS} streams at most are open at once (a burst may pass it by the few opening together) (the page then keeps polling instead), and a comment every
 * {@value #HEARTBEAT_TICKS} ticks finds browsers that went away. The login is checked again every {@value #LOGIN_CHECK_TICKS}
 * ticks: a viewer who logged out, whose session expired or who was removed gets an {@code end} saying so, and the stream closes.
 */
final class LiveCalls {
    static final int MOST_STREAMS = 64;
    static final long TICK_MILLIS = 500;
    static final int HEARTBEAT_TICKS = 20;
    static final int LOGIN_CHECK_TICKS = 4;

    private final ServerContext server;
    private final Templates templates;
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService ticker;
    private long ticks;

    LiveCalls(ServerContext server, Templates templates) {
        this.server = server;
        this.templates = templates;
    }

    /** Opens the stream of the run's calls after the first {@code after} (or after the browser's Last-Event-ID). */
    void open(Context ctx, Run run, int after, java.util.function.BooleanSupplier stillLoggedIn) {
        if (streams.size() >= MOST_STREAMS) {
            ctx.status(503).header("Retry-After", "30").contentType("text/plain; charset=utf-8")
                    .result("too many live debuggers are open; this page polls for new calls instead");
            return;
        }
        int resume = Math.max(after, lastEventId(ctx));
        // No compressor between the events and the browser: one would hold small events back in its buffer.
        ctx.disableCompression();
        new SseHandler(client -> {
            client.keepAlive();
            Stream stream = new Stream(client, run.id(), resume, stillLoggedIn);
            client.onClose(() -> streams.remove(stream));
            synchronized (this) {
                streams.add(stream);
                if (ticker == null) {
                    ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("sfsync-live-calls").factory());
                    ticker.scheduleWithFixedDelay(this::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
                }
            }
        }).handle(ctx);
    }

    private void tick() {
        boolean heartbeat = ++ticks % HEARTBEAT_TICKS == 0;
        boolean checkLogin = ticks % LOGIN_CHECK_TICKS == 0;
        for (Stream stream : List.copyOf(streams)) {
            try {
                if (checkLogin && !stream.stillLoggedIn.getAsBoolean()) {
                    stream.client.sendEvent("end", "your session ended (logged out, expired or the user removed): log in again to follow the run");
                    streams.remove(stream);
                    stream.client.close();
                    continue;
                }
                stream.push(heartbeat);
            } catch (RuntimeException e) {
                // A browser gone or a store that did not answer this time: the stream ends, the page polls or reconnects.
                streams.remove(stream);
                stream.client.close();
            }
        }
        synchronized (this) {
            // No stream left: the thread ends too (streams are added under this lock, so none is missed).
            if (streams.isEmpty() && ticker != null) {
                ticker.shutdown();
                ticker = null;
            }
        }
    }

    private static int lastEventId(Context ctx) {
        String id = ctx.header("Last-Event-ID");
        try {
            return id == null ? 0 : Math.max(0, Integer.parseInt(id.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** One browser's stream: how many calls it has (rows numbered from 1), and the log number of the last of them. */
    private final class Stream {
        final SseClient client;
        final RunId run;
        final java.util.function.BooleanSupplier stillLoggedIn;
        int shown;
        long lastSeq;
        boolean started;

        Stream(SseClient client, RunId run, int shown, java.util.function.BooleanSupplier stillLoggedIn) {
            this.client = client;
            this.run = run;
            this.shown = shown;
            this.stillLoggedIn = stillLoggedIn;
        }

        void push(boolean heartbeat) {
            if (client.terminated()) {
                streams.remove(this);
                return;
            }
            // The run's state before its calls: every call logged before it ended is sent before the end.
            Run state = server.store().runs().find(run).orElse(null);
            List<LoggedCall> calls = server.store().apiLog().entries(run, lastSeq);
            // The first look skips the calls the browser already has.
            int skip = started ? 0 : Math.min(shown, calls.size());
            started = true;
            if (skip > 0) {
                lastSeq = calls.get(skip - 1).seq();
            }
            for (LoggedCall call : calls.subList(skip, calls.size())) {
                CallRow row = CallRow.of(shown, call);
                client.sendEvent("call", templates.render("callrows.jte", Map.of("run", state, "calls", List.of(row))).strip(),
                        String.valueOf(shown + 1));
                shown++;
                lastSeq = call.seq();
            }
            if (state == null || state.status() != Run.Status.RUNNING) {
                client.sendEvent("end", "the run ended" + (state == null ? "" : " " + state.status().name().toLowerCase(java.util.Locale.ROOT)));
                streams.remove(this);
                client.close();
            } else if (heartbeat) {
                client.sendComment("still running");
            }
        }
    }
}
