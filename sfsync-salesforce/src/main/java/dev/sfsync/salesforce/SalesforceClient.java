package dev.sfsync.salesforce;

import dev.sfsync.salesforce.auth.Credentials;
import dev.sfsync.salesforce.auth.LoginHost;
import dev.sfsync.salesforce.auth.OAuthTokens;
import dev.sfsync.salesforce.auth.Session;
import dev.sfsync.salesforce.auth.TokenEndpoint;
import dev.sfsync.salesforce.auth.WebServerFlow;
import dev.sfsync.salesforce.bulk1.Bulk1Client;
import dev.sfsync.salesforce.bulk2.Bulk2Client;
import dev.sfsync.salesforce.internal.ApiCaller;
import dev.sfsync.salesforce.internal.HttpTransport;
import dev.sfsync.salesforce.internal.Redactor;
import dev.sfsync.salesforce.limits.ApiUsage;
import dev.sfsync.salesforce.limits.ApiUsageTracker;
import dev.sfsync.salesforce.limits.QuotaReserve;
import dev.sfsync.salesforce.observe.ExchangeListener;
import dev.sfsync.salesforce.metadata.FieldSecurity;
import dev.sfsync.salesforce.metadata.MetadataClient;
import dev.sfsync.salesforce.rest.RestClient;
import dev.sfsync.salesforce.soap.PartnerClient;
import dev.sfsync.salesforce.retry.PollPolicy;
import dev.sfsync.salesforce.retry.RetryPolicy;
import dev.sfsync.salesforce.retry.Sleeper;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * One connection to one org, and the entry to every API sfsync uses. Thread-safe; share one per connection.
 *
 * <pre>{@code
 * SalesforceClient client = SalesforceClient.builder()
 *         .loginHost(LoginHost.production())
 *         .credentials(Credentials.jwtBearer(clientId, "integration@acme.com", key))
 *         .quotaReserve(QuotaReserve.percent(20))
 *         .build();
 * List<SaveResult> results = client.rest().collections().upsert("Account", "External_Key__c", rows);
 * }</pre>
 */
public final class SalesforceClient implements AutoCloseable {
    public static final String DEFAULT_API_VERSION = "62.0";

    private final Session session;
    private final ApiCaller caller;
    private final String apiVersion;
    private final RestClient rest;
    private final Bulk2Client bulk2;
    private final Bulk1Client bulk1;
    private final MetadataClient metadata;
    private final FieldSecurity fieldSecurity;
    private final PartnerClient partner;
    private final java.nio.file.Path workDirectory;

    private SalesforceClient(Builder builder, Session session, ApiCaller caller) {
        this.session = session;
        this.caller = caller;
        this.apiVersion = builder.apiVersion;
        this.rest = new RestClient(caller, apiVersion);
        this.bulk2 = new Bulk2Client(caller, apiVersion, builder.sleeper, builder.pollPolicy, builder.workDirectory);
        this.bulk1 = new Bulk1Client(caller, apiVersion, builder.sleeper, builder.pollPolicy, builder.workDirectory);
        this.metadata = new MetadataClient(caller, apiVersion);
        this.fieldSecurity = new FieldSecurity(rest);
        this.partner = new PartnerClient(caller, apiVersion);
        this.workDirectory = builder.workDirectory;
    }

    /** Where Bulk uploads are spooled; callers keep their own per-row files for a load there too. */
    public java.nio.file.Path workDirectory() {
        return workDirectory;
    }

    public static Builder builder() {
        return new Builder();
    }

    public RestClient rest() {
        return rest;
    }

    public Bulk2Client bulk2() {
        return bulk2;
    }

    public Bulk1Client bulk1() {
        return bulk1;
    }

    /** Metadata API: custom fields and picklist values. */
    public MetadataClient metadata() {
        return metadata;
    }

    /** Permission sets and field-level security (PermissionSet, PermissionSetAssignment, FieldPermissions). */
    public FieldSecurity fieldSecurity() {
        return fieldSecurity;
    }

    /** The SOAP partner API, for merge. */
    public PartnerClient partner() {
        return partner;
    }

    public Session session() {
        return session;
    }

    public String apiVersion() {
        return apiVersion;
    }

    /** The org's daily API usage as last reported (every REST response carries it); empty before the first call. */
    public Optional<ApiUsage> apiUsage() {
        return caller.usage().latest();
    }

    /** Revokes the connection's grant at Salesforce; the client cannot be used afterwards. */
    public void disconnect() {
        session.revoke();
    }

    /** Releases the client's connections and threads (without revoking anything: see {@link #disconnect()}). */
    @Override
    public void close() {
        caller.transport().close();
    }

    /** How to reach an org and how to behave there. Everything but the login host and credentials has a default. */
    public static final class Builder {
        private LoginHost loginHost = LoginHost.production();
        private Credentials credentials;
        private OAuthTokens tokens;
        private Consumer<OAuthTokens> onNewTokens = t -> { };
        private dev.sfsync.salesforce.auth.TokenRenewal renewal = dev.sfsync.salesforce.auth.TokenRenewal.DIRECT;
        private String apiVersion = DEFAULT_API_VERSION;
        private ExchangeListener listener = ExchangeListener.NONE;
        private HttpTransport.Settings transport = HttpTransport.Settings.DEFAULT;
        private QuotaReserve reserve = QuotaReserve.NONE;
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private PollPolicy pollPolicy = PollPolicy.DEFAULT;
        private Sleeper sleeper = Sleeper.SYSTEM;
        private RandomGenerator random = RandomGenerator.getDefault();
        private Clock clock = Clock.systemUTC();
        private Path workDirectory = Path.of(System.getProperty("java.io.tmpdir"));
        private final Redactor redactor = new Redactor();

        private Builder() {
        }

        public Builder loginHost(LoginHost value) {
            loginHost = Objects.requireNonNull(value, "loginHost is null");
            return this;
        }

        public Builder credentials(Credentials value) {
            credentials = Objects.requireNonNull(value, "credentials is null");
            return this;
        }

        /** Tokens already held (from the web-server flow or storage), used until Salesforce rejects them. */
        public Builder tokens(OAuthTokens value) {
            tokens = value;
            return this;
        }

        /** Told about every new token response (e.g. to persist a rotated refresh token). */
        public Builder onNewTokens(Consumer<OAuthTokens> value) {
            onNewTokens = Objects.requireNonNull(value, "onNewTokens is null");
            return this;
        }

        /** How renewal is shared with other processes holding the same grant (default: each renews alone). */
        public Builder tokenRenewal(dev.sfsync.salesforce.auth.TokenRenewal value) {
            renewal = Objects.requireNonNull(value, "tokenRenewal is null");
            return this;
        }

        /** e.g. "62.0". */
        public Builder apiVersion(String value) {
            if (value == null || !value.matches("\\d{2,3}\\.0")) {
                throw new IllegalArgumentException("an API version looks like 62.0, not '" + value + "'");
            }
            apiVersion = value;
            return this;
        }

        public Builder listener(ExchangeListener value) {
            listener = Objects.requireNonNull(value, "listener is null");
            return this;
        }

        public Builder timeouts(Duration connect, Duration response) {
            transport = new HttpTransport.Settings(connect, response, transport.bodyPreviewBytes());
            return this;
        }

        /** How much of each request and response body the exchange listener sees (default 64 KB; CSV at most 2 KB). */
        public Builder bodyPreviewBytes(int value) {
            transport = new HttpTransport.Settings(transport.connectTimeout(), transport.responseTimeout(), value);
            return this;
        }

        public Builder quotaReserve(QuotaReserve value) {
            reserve = Objects.requireNonNull(value, "quotaReserve is null");
            return this;
        }

        public Builder retryPolicy(RetryPolicy value) {
            retry = Objects.requireNonNull(value, "retryPolicy is null");
            return this;
        }

        /** How Bulk jobs are polled until they finish. */
        public Builder pollPolicy(PollPolicy value) {
            pollPolicy = Objects.requireNonNull(value, "pollPolicy is null");
            return this;
        }

        /** Where waits between retries and polls go; tests record them instead of sleeping. */
        public Builder sleeper(Sleeper value) {
            sleeper = Objects.requireNonNull(value, "sleeper is null");
            return this;
        }

        public Builder random(RandomGenerator value) {
            random = Objects.requireNonNull(value, "random is null");
            return this;
        }

        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock is null");
            return this;
        }

        /** Where Bulk uploads are spooled on their way to Salesforce (default: java.io.tmpdir). */
        public Builder workDirectory(Path value) {
            workDirectory = Objects.requireNonNull(value, "workDirectory is null");
            return this;
        }

        /** The web-server flow against this builder's login host, to obtain the tokens a client is then built with. */
        public WebServerFlow webServerFlow(String clientId, String clientSecret, String scope) {
            return new WebServerFlow(tokenEndpoint(transport()), clientId, clientSecret, scope);
        }

        public SalesforceClient build() {
            if (credentials == null) {
                throw new IllegalStateException("no credentials: call credentials(Credentials.refreshToken(...)), jwtBearer(...), "
                        + "clientCredentials(...) or accessToken(...) before build()");
            }
            HttpTransport http = transport();
            Session session = new Session(credentials, tokenEndpoint(http), redactor, tokens, onNewTokens, renewal);
            ApiCaller caller = new ApiCaller(http, session, new ApiUsageTracker(clock), reserve, retry, sleeper, random);
            return new SalesforceClient(this, session, caller);
        }

        /** OAuth calls go through the same transport (so the listener sees them) but carry no session and cost no quota. */
        private TokenEndpoint tokenEndpoint(HttpTransport http) {
            ApiCaller anonymous = new ApiCaller(http, null, new ApiUsageTracker(clock), QuotaReserve.NONE, retry, sleeper, random);
            return new TokenEndpoint(loginHost, anonymous, redactor);
        }

        private HttpTransport transport() {
            return new HttpTransport(transport, listener, redactor, clock);
        }
    }
}
