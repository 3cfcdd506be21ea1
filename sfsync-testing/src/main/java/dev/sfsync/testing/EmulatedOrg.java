package dev.sfsync.testing;

import dev.sfsync.emulator.Emulator;
import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.oauth.Session;
import dev.sfsync.emulator.org.ConnectedApp;
import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.OrgDefinition;
import dev.sfsync.emulator.org.OrgDefinitionLoader;
import dev.sfsync.emulator.org.OrgLimits;
import dev.sfsync.emulator.org.SalesforceIds;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.org.UserAccount;
import dev.sfsync.emulator.rest.RecordJson;
import dev.sfsync.emulator.tls.TlsSettings;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one emulator fixture for every module. Registered on a static field it starts one emulator per test class on
 * a free port and resets the org before each test; on an instance field it starts and stops one per test.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/demo.yaml");
 *
 * @Test
 * void upsert_creates_accounts(EmulatedOrg org) {
 *     ... point the code under test at org.loginUrl(), org.clientId(), org.username() ...
 *     assertThat(org.records("Account")).hasSize(3);          // assert the org, not the calls
 * }
 * }</pre>
 */
public final class EmulatedOrg implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private final OrgDefinition definition;
    private final boolean overTls;
    private java.time.Clock clock = java.time.Clock.systemUTC();
    private Emulator emulator;
    private boolean perClass;

    private EmulatedOrg(OrgDefinition definition) {
        this(definition, false);
    }

    private EmulatedOrg(OrgDefinition definition, boolean overTls) {
        this.definition = definition;
        this.overTls = overTls;
    }

    /**
     * The same org served over HTTPS with the emulator's own certificate, made once in the temp directory and shared by
     * every test; {@link #trustStore()} and {@link #trustPem()} are what a client trusts it by.
     */
    public EmulatedOrg overTls() {
        return new EmulatedOrg(definition, true);
    }

    /** The built-in default org (standard objects, one admin, one connected app). */
    public static EmulatedOrg withDefaultOrg() {
        return new EmulatedOrg(OrgDefinitionLoader.defaultOrg());
    }

    /** An org file from the test classpath (e.g. "orgs/demo.yaml") or, failing that, from a file path. */
    public static EmulatedOrg withDefinition(String resourceOrPath) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resourceOrPath)) {
            if (in != null) {
                return new EmulatedOrg(OrgDefinitionLoader.load(in.readAllBytes(), resourceOrPath));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path file = Path.of(resourceOrPath);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("no org file '" + resourceOrPath + "' on the test classpath or on disk; "
                    + "put it under src/test/resources or pass an existing path");
        }
        return new EmulatedOrg(OrgDefinitionLoader.load(file));
    }

    public static EmulatedOrg withDefinition(OrgDefinition definition) {
        return new EmulatedOrg(definition);
    }

    /** The org's clock (SystemModstamps, token expiry, limits), e.g. a {@link MovableClock}; set it before the emulator starts. */
    public EmulatedOrg withClock(java.time.Clock orgClock) {
        this.clock = java.util.Objects.requireNonNull(orgClock, "orgClock is null");
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (perClass) {
            emulator.reset();
        } else {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmulatedOrg.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return this;
    }

    private void start() {
        Emulator.Builder builder = Emulator.builder().org(definition).clock(clock);
        if (overTls) {
            builder.tls(TlsSettings.selfSigned(TEST_CERTIFICATES));
        }
        emulator = builder.build().start();
    }

    private static final Path TEST_CERTIFICATES = Path.of(System.getProperty("java.io.tmpdir"), "sfsync-emulator-test-tls");

    /** The PKCS12 truststore (password {@value TlsSettings#STORE_PASSWORD}) of an org started {@link #overTls()}. */
    public Path trustStore() {
        return trustFiles().truststore();
    }

    /** The PEM certificate authority of an org started {@link #overTls()} (NODE_EXTRA_CA_CERTS, REQUESTS_CA_BUNDLE). */
    public Path trustPem() {
        return trustFiles().pem();
    }

    private TlsSettings.TrustFiles trustFiles() {
        return emulator().tls(host()).flatMap(TlsSettings::trustFiles).orElseThrow(() ->
                new IllegalStateException("this org is served over plain HTTP; register it with .overTls() to get trust files"));
    }

    private void stop() {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }

    public Emulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException("the emulator runs only while a test runs; register EmulatedOrg with @RegisterExtension");
        }
        return emulator;
    }

    public OrgHost host() {
        return emulator().host();
    }

    /** Login host and instance URL, e.g. http://127.0.0.1:40123. */
    public String loginUrl() {
        return host().baseUrl();
    }

    public String instanceUrl() {
        return host().baseUrl();
    }

    public ConnectedApp connectedApp() {
        return host().org().definition().connectedApps().getFirst();
    }

    public String clientId() {
        return connectedApp().clientId();
    }

    public String clientSecret() {
        return connectedApp().clientSecret();
    }

    public UserAccount user() {
        return host().org().defaultUser();
    }

    public String username() {
        return user().username();
    }

    public String password() {
        return user().password();
    }

    /** A fresh access token for the default user, without an OAuth round trip. */
    public String accessToken() {
        Session session = host().sessions().issue(user(), connectedApp(), "api refresh_token", null);
        return session.accessToken();
    }

    /** Live records of an object, each as field name → wire value (dates as strings), in creation order. */
    public List<Map<String, Object>> records(String object) {
        ObjectSchema schema = host().org().schema(object)
                .orElseThrow(() -> new IllegalArgumentException("the org has no object '" + object + "'"));
        List<Map<String, Object>> out = new ArrayList<>();
        for (StoredRecord record : host().org().store(schema.name()).orElseThrow().all()) {
            if (!record.isDeleted()) {
                Map<String, Object> values = new LinkedHashMap<>();
                for (FieldSchema field : schema.fields()) {
                    values.put(field.name(), RecordJson.value(field, record.values().get(field.name())));
                }
                out.add(values);
            }
        }
        return out;
    }

    /** Makes writes to these records fail with UNABLE_TO_LOCK_ROW until {@link #unlockAll()}. */
    public void lock(Collection<String> ids) {
        for (String id : ids) {
            host().org().lockedRecordIds().add(SalesforceIds.normalize(id).orElseThrow(() -> new IllegalArgumentException("not an id: " + id)));
        }
    }

    public void unlockAll() {
        host().org().lockedRecordIds().clear();
    }

    /** API requests counted against the daily allowance so far. */
    public long apiRequestsUsed() {
        return host().org().apiUsage().used();
    }

    public void dailyApiLimit(long max) {
        host().org().apiUsage().setMax(max);
    }

    /** Sets the daily API requests counted so far, e.g. to bring an org close to its limit. */
    public void apiRequestsUsed(long used) {
        host().org().apiUsage().setUsed(used);
    }

    /** Ends every access token now, as a session timeout in the middle of a run does; refresh tokens keep working. */
    public void expireAccessTokens() {
        host().sessions().expireAllAccessTokens();
    }

    /** Revokes a refresh or access token, as an admin does under Connected Apps OAuth Usage; true when it was live. */
    public boolean revoke(String token) {
        return host().sessions().revoke(token);
    }

    /** Whether the org still honours this refresh token. */
    public boolean refreshTokenIsLive(String refreshToken) {
        return host().sessions().refreshGrant(refreshToken).isPresent();
    }

    /** Adds (or replaces) a connected app until the next reset, e.g. one holding a test's JWT certificate. */
    public void putConnectedApp(ConnectedApp app) {
        host().org().putConnectedApp(app);
    }

    /** The org's fault rules for this test: errors, latency, dropped connections, expired tokens, failed records. */
    public FaultControl faults() {
        return new FaultControl(this);
    }

    /** Sets an object's org-wide default until the next reset (every object starts Public Read/Write). */
    public void sharingModel(String object, dev.sfsync.emulator.org.SharingModel model) {
        host().org().sharing().model(object, model);
    }

    /** A user of the org file by username (e.g. to write records another user owns). */
    public UserAccount user(String username) {
        return host().org().user(username).orElseThrow(() -> new IllegalArgumentException("the org has no user " + username));
    }

    /** The org's daily allowances (API requests, Bulk batches and records, Bulk query jobs) and their use. */
    public OrgLimits limits() {
        return host().org().limits();
    }

    /**
     * Sends a request to the emulator's /__admin/ endpoints as any script would (e.g. {@code admin("PATCH",
     * "/__admin/users/" + username(), "{\"active\": false}")}); returns the body, failing the test on an error status.
     */
    public String admin(String method, String path, String json) {
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(instanceUrl() + path))
                    .header("Content-Type", "application/json")
                    .method(method, json == null ? java.net.http.HttpRequest.BodyPublishers.noBody() : java.net.http.HttpRequest.BodyPublishers.ofString(json))
                    .build();
            java.net.http.HttpResponse<String> response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
