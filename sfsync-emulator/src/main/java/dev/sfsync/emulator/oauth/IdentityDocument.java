package dev.sfsync.emulator.oauth;

import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.org.UserAccount;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bodies of the identity URL and the OpenID userinfo endpoint. Users carry no locale or time zone in the emulator,
 * so every user is en_US in America/Los_Angeles, the defaults of a new Salesforce user.
 */
final class IdentityDocument {
    private static final String LOCALE = "en_US";
    private static final String TIME_ZONE = "America/Los_Angeles";
    private static final long UTC_OFFSET_MILLIS = -8L * 60 * 60 * 1000;

    private final OrgHost host;

    IdentityDocument(OrgHost host) {
        this.host = host;
    }

    /** GET /id/{orgId}/{userId}. {@code version} replaces the {version} placeholders in urls when given. */
    Map<String, Object> identity(UserAccount user, String version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", TokenResponse.identityUrl(host, user));
        body.put("asserted_user", true);
        body.put("user_id", user.id());
        body.put("organization_id", host.org().id());
        body.put("username", user.username());
        body.put("nick_name", nickname(user));
        body.put("display_name", user.displayName());
        body.put("email", user.email());
        body.put("email_verified", true);
        body.put("first_name", user.firstName());
        body.put("last_name", user.lastName());
        body.put("timezone", TIME_ZONE);
        body.put("photos", photos(user));
        body.put("addr_street", null);
        body.put("addr_city", null);
        body.put("addr_state", null);
        body.put("addr_country", "US");
        body.put("addr_zip", null);
        body.put("mobile_phone", null);
        body.put("mobile_phone_verified", false);
        body.put("is_lightning_login_user", false);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("created_date", null);
        status.put("body", null);
        body.put("status", status);
        body.put("urls", urls(user, version));
        putCommon(body, user);
        body.put("last_modified_date", DateTimeFormatter.ISO_INSTANT.format(lastModified(user)));
        body.put("is_app_installed", true);
        return body;
    }

    /** GET /services/oauth2/userinfo: the OpenID Connect claims plus Salesforce's own. */
    Map<String, Object> userinfo(UserAccount user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sub", TokenResponse.identityUrl(host, user));
        body.put("user_id", user.id());
        body.put("organization_id", host.org().id());
        body.put("preferred_username", user.username());
        body.put("nickname", nickname(user));
        body.put("name", user.displayName());
        body.put("email", user.email());
        body.put("email_verified", true);
        body.put("given_name", user.firstName());
        body.put("family_name", user.lastName());
        body.put("zoneinfo", TIME_ZONE);
        body.put("photos", photos(user));
        body.put("profile", host.baseUrl() + "/" + user.id());
        body.put("picture", host.baseUrl() + "/profilephoto/005/F");
        body.put("address", Map.of("country", "US"));
        body.put("is_salesforce_integration_user", false);
        body.put("urls", urls(user, null));
        putCommon(body, user);
        body.put("updated_at", DateTimeFormatter.ISO_INSTANT.format(lastModified(user)));
        body.put("is_app_installed", true);
        return body;
    }

    private void putCommon(Map<String, Object> body, UserAccount user) {
        body.put("active", user.active());
        body.put("user_type", "STANDARD");
        body.put("language", LOCALE);
        body.put("locale", LOCALE);
        body.put("utcOffset", UTC_OFFSET_MILLIS);
    }

    private Map<String, String> urls(UserAccount user, String version) {
        String base = host.baseUrl();
        String org15 = host.org().id().substring(0, 15);
        String v = version == null ? "{version}" : version;
        String data = base + "/services/data/v" + v + "/";
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("enterprise", base + "/services/Soap/c/" + v + "/" + org15);
        urls.put("metadata", base + "/services/Soap/m/" + v + "/" + org15);
        urls.put("partner", base + "/services/Soap/u/" + v + "/" + org15);
        urls.put("rest", data);
        urls.put("sobjects", data + "sobjects/");
        urls.put("search", data + "search/");
        urls.put("query", data + "query/");
        urls.put("recent", data + "recent/");
        urls.put("tooling_soap", base + "/services/Soap/T/" + v + "/" + org15);
        urls.put("tooling_rest", data + "tooling/");
        urls.put("profile", base + "/" + user.id());
        urls.put("feeds", data + "chatter/feeds");
        urls.put("groups", data + "chatter/groups");
        urls.put("users", data + "chatter/users");
        urls.put("feed_items", data + "chatter/feed-items");
        urls.put("feed_elements", data + "chatter/feed-elements");
        urls.put("custom_domain", base);
        return urls;
    }

    private Map<String, String> photos(UserAccount user) {
        Map<String, String> photos = new LinkedHashMap<>();
        photos.put("picture", host.baseUrl() + "/profilephoto/005/F");
        photos.put("thumbnail", host.baseUrl() + "/profilephoto/005/T");
        return photos;
    }

    private static String nickname(UserAccount user) {
        String local = user.username().split("@")[0];
        return local.length() > 40 ? local.substring(0, 40) : local;
    }

    private Instant lastModified(UserAccount user) {
        return host.org().findRecord(user.id())
                .map(r -> r.get("LastModifiedDate")).filter(Instant.class::isInstance).map(Instant.class::cast)
                .orElse(host.org().clock().instant());
    }
}
