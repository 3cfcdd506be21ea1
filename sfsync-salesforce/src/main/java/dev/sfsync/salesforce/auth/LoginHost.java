package dev.sfsync.salesforce.auth;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a connection logs in: production (login.salesforce.com), a sandbox (test.salesforce.com), an org's My Domain,
 * or any other URL (the emulator). The instance URL for API calls is not this: it comes from the token response.
 *
 * @param url         the scheme and host OAuth requests go to
 * @param jwtAudience the {@code aud} the JWT bearer flow must carry for this host
 */
public record LoginHost(URI url, String jwtAudience) {
    public static final String PRODUCTION_URL = "https://login.salesforce.com";
    public static final String SANDBOX_URL = "https://test.salesforce.com";

    public LoginHost {
        Objects.requireNonNull(url, "url is null");
        Objects.requireNonNull(jwtAudience, "jwtAudience is null");
        if (url.getScheme() == null || url.getHost() == null) {
            throw new IllegalArgumentException("a login host is a URL such as " + PRODUCTION_URL + ", not '" + url + "'");
        }
        String text = url.toString();
        if (text.endsWith("/")) {
            url = URI.create(text.substring(0, text.length() - 1));
        }
    }

    public static LoginHost production() {
        return new LoginHost(URI.create(PRODUCTION_URL), PRODUCTION_URL);
    }

    public static LoginHost sandbox() {
        return new LoginHost(URI.create(SANDBOX_URL), SANDBOX_URL);
    }

    /**
     * An org's My Domain: "acme" for https://acme.my.salesforce.com, or a full host name such as
     * "acme--uat.sandbox.my.salesforce.com". Sandbox domains sign JWTs for test.salesforce.com, others for login.
     */
    public static LoginHost myDomain(String domain) {
        Objects.requireNonNull(domain, "domain is null");
        String host = domain.strip().toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceFirst("/.*$", "");
        if (host.isEmpty() || !host.matches("[a-z0-9.-]+")) {
            throw new IllegalArgumentException("'" + domain + "' is not a My Domain name; give the name (acme) or the host (acme.my.salesforce.com)");
        }
        if (!host.contains(".")) {
            host = host + ".my.salesforce.com";
        }
        boolean sandbox = host.contains(".sandbox.") || host.contains("--");
        return new LoginHost(URI.create("https://" + host), sandbox ? SANDBOX_URL : PRODUCTION_URL);
    }

    /** Any login URL; the JWT audience is the URL itself (what the emulator and Experience Cloud sites expect). */
    public static LoginHost of(String url) {
        URI uri = URI.create(Objects.requireNonNull(url, "url is null").strip());
        String text = uri.toString().endsWith("/") ? uri.toString().substring(0, uri.toString().length() - 1) : uri.toString();
        if (text.equalsIgnoreCase(PRODUCTION_URL)) {
            return production();
        }
        if (text.equalsIgnoreCase(SANDBOX_URL)) {
            return sandbox();
        }
        return new LoginHost(uri, text);
    }

    /** login.salesforce.com and test.salesforce.com are shared hosts; some flows need the org's own domain. */
    public boolean isSharedHost() {
        String text = url.toString();
        return text.equalsIgnoreCase(PRODUCTION_URL) || text.equalsIgnoreCase(SANDBOX_URL);
    }

    public URI resolve(String path) {
        return URI.create(url + path);
    }
}
