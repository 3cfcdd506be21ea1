package dev.sfsync.emulator;

import dev.sfsync.emulator.bulk1.Bulk1Jobs;
import dev.sfsync.emulator.bulk2.Bulk2Jobs;
import dev.sfsync.emulator.faults.Faults;
import dev.sfsync.emulator.oauth.Sessions;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.rest.QueryCursors;

import java.util.Objects;

/**
 * One org as served on its own port: the port's base URL is both the org's login host and its instance URL, so a
 * production org and a sandbox org are two hosts, as login.salesforce.com and test.salesforce.com are.
 */
public final class OrgHost {
    private final Org org;
    private final Sessions sessions;
    private final QueryCursors cursors;
    private final Faults faults;
    private final Bulk1Jobs bulk1Jobs;
    private final Bulk2Jobs bulk2;
    private volatile String baseUrl;
    private final java.util.concurrent.atomic.AtomicLong connectionsOpened = new java.util.concurrent.atomic.AtomicLong();

    public OrgHost(Org org) {
        this.org = Objects.requireNonNull(org, "org is null");
        this.sessions = new Sessions(org);
        this.cursors = new QueryCursors(org.clock());
        this.faults = new Faults(org.definition().faults(), this::expireSession);
        this.bulk1Jobs = new Bulk1Jobs(org, faults);
        this.bulk2 = new Bulk2Jobs(org, faults);
        SeedRecords.load(this);
    }

    public Org org() { return org; }
    public Sessions sessions() { return sessions; }
    public QueryCursors cursors() { return cursors; }
    public Faults faults() { return faults; }
    public Bulk1Jobs bulk1Jobs() { return bulk1Jobs; }
    public Bulk2Jobs bulk2() { return bulk2; }

    /** TCP connections clients opened to this org's port since the emulator started: shows whether a client keeps them alive. */
    public long connectionsOpened() {
        return connectionsOpened.get();
    }

    void connectionOpened() {
        connectionsOpened.incrementAndGet();
    }

    /**
     * e.g. http://127.0.0.1:53211; clients use it as login URL and receive it as instance_url. While a request is
     * handled it is the scheme, host and port that request reached the org by (as Salesforce answers with the host it
     * was called on), so a client that came through https://localhost gets https://localhost URLs back, whichever of
     * the emulator's classes builds them.
     */
    public String baseUrl() {
        String origin = REQUEST_ORIGIN.get();
        return origin != null ? origin : baseUrl;
    }

    /** The URL the org was started on, whatever the current request used. */
    public String listeningUrl() {
        return baseUrl;
    }

    /** Runs {@code handling} with {@link #baseUrl()} answering {@code origin}. */
    static void withRequestOrigin(String origin, Runnable handling) {
        String before = REQUEST_ORIGIN.get();
        REQUEST_ORIGIN.set(origin);
        try {
            handling.run();
        } finally {
            REQUEST_ORIGIN.set(before);
        }
    }

    private static final ThreadLocal<String> REQUEST_ORIGIN = new ThreadLocal<>();

    void baseUrl(String url) {
        this.baseUrl = url;
    }

    /** Back to the org file: records, limits, settings and all tokens. */
    public void reset() {
        bulk1Jobs.clear();
        bulk2.clear();
        org.reset();
        sessions.clear();
        cursors.clear();
        faults.reset(org.definition().faults());
        SeedRecords.load(this);
    }

    /** Serves another org file from now on (records, users and tokens start afresh). */
    public void replaceDefinition(dev.sfsync.emulator.org.OrgDefinition definition) {
        bulk1Jobs.clear();
        bulk2.clear();
        org.replaceDefinition(definition);
        bulk2.minProcessingMillis(definition.bulk2().minProcessingMillis());
        sessions.clear();
        cursors.clear();
        faults.reset(definition.faults());
        SeedRecords.load(this);
    }

    /** A token fault: the caller's token, or every token when the call carried its session in the body (SOAP). */
    private void expireSession(String accessToken) {
        if (accessToken == null) {
            sessions.expireAllAccessTokens();
        } else {
            sessions.expire(accessToken);
        }
    }

    /** Stops this org's background work (Bulk batch and job workers) and deletes its spooled files. */
    public void close() {
        bulk1Jobs.close();
        bulk2.close();
    }
}
