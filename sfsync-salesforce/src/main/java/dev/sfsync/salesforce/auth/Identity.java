package dev.sfsync.salesforce.auth;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;

/** Who a connection acts as, from the OpenID userinfo endpoint: the user, the org, and whether the user is active. */
public record Identity(String userId, String organizationId, String username, String displayName, boolean active) {
    public Identity {
        Objects.requireNonNull(userId, "userId is null");
        Objects.requireNonNull(organizationId, "organizationId is null");
    }

    /** Reads /services/oauth2/userinfo's body; {@code active} is absent on some orgs, and then taken as true. */
    public static Identity of(JsonNode userinfo) {
        return new Identity(userinfo.path("user_id").asText(), userinfo.path("organization_id").asText(),
                userinfo.path("preferred_username").asText(null), userinfo.path("name").asText(null), userinfo.path("active").asBoolean(true));
    }
}
