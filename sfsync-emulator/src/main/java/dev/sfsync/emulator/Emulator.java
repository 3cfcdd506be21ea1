package dev.sfsync.emulator;

import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.OrgDefinition;
import dev.sfsync.emulator.org.OrgDefinitionLoader;
import dev.sfsync.emulator.org.TlsOption;
import dev.sfsync.emulator.tls.TlsSettings;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local Salesforce: one HTTP server, one port per org. Start it in-process (tests use port 0 for a free port)
 * or standalone through {@code sfsync emulator}.
 *
 * <pre>{@code
 * try (Emulator emulator = Emulator.builder().org(OrgDefinitionLoader.defaultOrg()).build().start()) {
 *     String loginUrl = emulator.host().baseUrl();
 * }
 * }</pre>
 */
public final class Emulator implements AutoCloseable {
    private final List<OrgHost> hosts;
    private final String bindAddress;
    private final int firstPort;
    private final Map<Integer, OrgHost> hostsByPort = new ConcurrentHashMap<>();
    private final TlsSettings tls;
    private final Map<OrgHost, TlsSettings> tlsByHost = new ConcurrentHashMap<>();
    private Server server;

    private Emulator(Builder builder) {
        this.bindAddress = builder.bindAddress;
        this.firstPort = builder.port;
        this.tls = builder.tls;
        List<OrgHost> built = new ArrayList<>();
        for (OrgDefinition definition : builder.orgs.isEmpty() ? List.of(OrgDefinitionLoader.defaultOrg()) : builder.orgs) {
            built.add(new OrgHost(new Org(definition, builder.clock)));
        }
        this.hosts = List.copyOf(built);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds every org to its port (the first to {@code port}, the next to port+1 …, or each to a free port for 0). */
    public synchronized Emulator start() {
        if (server != null) {
            return this;
        }
        QueuedThreadPool threads = new QueuedThreadPool(256, 8);
        threads.setName("sfsync-emulator");
        server = new Server(threads);
        List<ServerConnector> connectors = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            TlsSettings hostTls = tlsFor(hosts.get(i));
            ServerConnector connector = connector(hostTls);
            if (hostTls != null) {
                tlsByHost.put(hosts.get(i), hostTls);
            }
            connector.setHost(bindAddress);
            connector.setPort(firstPort == 0 ? 0 : firstPort + i);
            connector.setIdleTimeout(120_000);
            OrgHost counted = hosts.get(i);
            connector.addEventListener(new org.eclipse.jetty.io.Connection.Listener() {
                @Override
                public void onOpened(org.eclipse.jetty.io.Connection connection) {
                    // Over TLS the HTTP connection rides on the TLS one: only the one on the socket is a TCP connection.
                    if (connection.getEndPoint() instanceof org.eclipse.jetty.io.SocketChannelEndPoint) {
                        counted.connectionOpened();
                    }
                }
            });
            server.addConnector(connector);
            connectors.add(connector);
        }
        GzipHandler gzip = new GzipHandler(new EmulatorHandler(this));
        gzip.setMinGzipSize(1024);
        gzip.setInflateBufferSize(64 * 1024);
        gzip.addIncludedMethods("POST", "PATCH", "PUT");
        server.setHandler(gzip);
        server.setErrorHandler(new SalesforceErrorHandler());
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("the emulator could not start on " + bindAddress + ":" + firstPort
                    + " (" + e.getMessage() + "); pick another port with --port, or 0 for a free one", e);
        }
        if (dev.sfsync.emulator.admin.AdminOrigin.beyondLoopback(bindAddress)) {
            org.slf4j.LoggerFactory.getLogger(Emulator.class).warn("The emulator listens on {}: other machines can reach it, and its"
                    + " /__admin/ endpoints (reset, records, sessions) need no login. Bind to 127.0.0.1 unless that is what you want.", bindAddress);
        }
        for (int i = 0; i < hosts.size(); i++) {
            OrgHost host = hosts.get(i);
            int port = connectors.get(i).getLocalPort();
            String shownHost = bindAddress.equals("0.0.0.0") ? "localhost" : bindAddress;
            host.baseUrl((tlsByHost.containsKey(host) ? "https://" : "http://") + shownHost + ":" + port);
            hostsByPort.put(port, host);
        }
        return this;
    }

    /**
     * A connector that accepts URLs with empty segments ({@code //services/data/...}: the Salesforce CLI keeps its
     * instance URL with a trailing slash and Salesforce serves such paths), over TLS when {@code hostTls} is given.
     */
    private ServerConnector connector(TlsSettings hostTls) {
        HttpConfiguration http = new HttpConfiguration();
        http.setUriCompliance(UriCompliance.DEFAULT.with("salesforce", UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT));
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        if (hostTls == null) {
            return new ServerConnector(server, new HttpConnectionFactory(http));
        }
        // No SNI check: clients reach the emulator by IP address as often as by name.
        http.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(hostTls.keyStore());
        ssl.setKeyStorePassword(hostTls.keyPassword());
        ssl.setKeyManagerPassword(hostTls.keyPassword());
        return new ServerConnector(server, ssl, new HttpConnectionFactory(http));
    }

    /** The builder's TLS for every org, else what the org's own file asks for, else none. */
    private TlsSettings tlsFor(OrgHost host) {
        if (tls != null) {
            return tls;
        }
        TlsOption option = host.org().definition().tls();
        if (!option.enabled()) {
            return null;
        }
        if (option.keyStore() != null) {
            return TlsSettings.keyStore(option.keyStore(), option.keyStorePassword());
        }
        if (option.certificate() != null) {
            return TlsSettings.pem(option.certificate(), option.privateKey());
        }
        return TlsSettings.selfSigned(option.directory(), bindAddress);
    }

    /** The TLS an org's port serves, when it serves TLS (its trust files say how clients trust it). */
    public java.util.Optional<TlsSettings> tls(OrgHost host) {
        return java.util.Optional.ofNullable(tlsByHost.get(host));
    }

    /** The first org (the only one unless the builder was given several). */
    public OrgHost host() {
        return hosts.getFirst();
    }

    public List<OrgHost> hosts() {
        return hosts;
    }

    /** The org whose name or environment matches, e.g. "sandbox". */
    public OrgHost host(String nameOrEnvironment) {
        return hosts.stream()
                .filter(h -> h.org().name().equalsIgnoreCase(nameOrEnvironment)
                        || h.org().environment().name().equalsIgnoreCase(nameOrEnvironment))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no emulated org named '" + nameOrEnvironment + "'"));
    }

    OrgHost hostForPort(int port) {
        return hostsByPort.get(port);
    }

    /** Resets every org to its org file. */
    public void reset() {
        for (OrgHost host : hosts) {
            host.reset();
        }
    }

    @Override
    public synchronized void close() {
        hosts.forEach(OrgHost::close);
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                throw new IllegalStateException("the emulator did not stop cleanly", e);
            } finally {
                server = null;
            }
        }
    }

    /** Configures an emulator; without orgs it serves the built-in default org. */
    public static final class Builder {
        private final List<OrgDefinition> orgs = new ArrayList<>();
        private String bindAddress = "127.0.0.1";
        private int port;
        private Clock clock = Clock.systemUTC();
        private TlsSettings tls;

        public Builder org(OrgDefinition definition) {
            orgs.add(Objects.requireNonNull(definition, "definition is null"));
            return this;
        }

        public Builder org(Path orgFile) {
            return org(OrgDefinitionLoader.load(orgFile));
        }

        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("port " + value + " is out of range (0 to 65535; 0 picks a free port)");
            }
            port = value;
            return this;
        }

        public Builder bindAddress(String value) {
            bindAddress = Objects.requireNonNull(value, "bindAddress is null");
            return this;
        }

        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock is null");
            return this;
        }

        /** Serves every org over TLS with these settings (an org file's own {@code tls:} section then does not count). */
        public Builder tls(TlsSettings value) {
            tls = value;
            return this;
        }

        public Emulator build() {
            return new Emulator(this);
        }
    }
}
