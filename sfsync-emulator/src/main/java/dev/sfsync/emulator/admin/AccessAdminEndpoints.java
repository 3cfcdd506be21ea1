package dev.sfsync.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.http.ApiException;
import dev.sfsync.emulator.http.Exchange;
import dev.sfsync.emulator.http.Router;
import dev.sfsync.emulator.org.Permission;
import dev.sfsync.emulator.org.Profile;
import dev.sfsync.emulator.org.UserAccount;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * What an admin does in Setup that changes whether a connection works: deactivate or reactivate a user
 * (PATCH /__admin/users/{username} {"active": false}), grant or remove a profile's system permissions such as API
 * Enabled or Customize Application (PATCH /__admin/profiles/{name}/permissions {"ApiEnabled": false}), and revoke an
 * app's tokens as Connected Apps OAuth Usage → Revoke does (POST /__admin/tokens/revoke {"username", "clientId"}, both
 * optional). Salesforce behaves the same afterwards: a deactivated user's sessions and refreshes are refused, a
 * profile without API Enabled gets API_DISABLED_FOR_ORG, a revoked token is refused at once.
 */
final class AccessAdminEndpoints {
    private final OrgHost host;

    AccessAdminEndpoints(OrgHost host) {
        this.host = host;
    }

    void register(Router router) {
        router.on("PATCH", "/__admin/users/([^/]+)/?", this::user);
        router.on("PATCH", "/__admin/profiles/([^/]+)/permissions/?", this::permissions);
        router.on("GET", "/__admin/profiles/([^/]+)/permissions/?", (ex, m) -> ex.json(200, permissionsOf(profile(m.group(1)))));
        router.on("POST", "/__admin/tokens/revoke", this::revoke);
    }

    private void user(Exchange ex, Matcher m) {
        String username = m.group(1);
        UserAccount user = host.org().user(username)
                .orElseThrow(() -> new ApiException(404, "NOT_FOUND", "no user " + username + " (fix: use a username of the org file)"));
        JsonNode active = ex.jsonBody().path("active");
        if (!active.isBoolean()) {
            throw new ApiException(400, "INVALID_INPUT", "active: missing or not true/false (fix: send {\"active\": false})");
        }
        host.org().active(user, active.asBoolean());
        ex.json(200, Map.of("username", user.username(), "active", active.asBoolean()));
    }

    private void permissions(Exchange ex, Matcher m) {
        Profile profile = profile(m.group(1));
        JsonNode body = ex.jsonBody();
        List<String> problems = new ArrayList<>();
        Map<Permission, Boolean> changes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Permission permission = Arrays.stream(Permission.values()).filter(p -> p.name().equalsIgnoreCase(entry.getKey())).findFirst().orElse(null);
            if (permission == null || !entry.getValue().isBoolean()) {
                problems.add(entry.getKey() + ": not a permission set to true or false (fix: one of " + Arrays.toString(Permission.values()) + ")");
            } else {
                changes.put(permission, entry.getValue().asBoolean());
            }
        }
        if (!problems.isEmpty()) {
            throw FaultAdminEndpoints.invalid("INVALID_INPUT", problems);
        }
        changes.forEach(profile::permission);
        dev.sfsync.emulator.access.AccessRecords.putProfile(host.org(), profile);
        ex.json(200, permissionsOf(profile));
    }

    private void revoke(Exchange ex, Matcher m) {
        JsonNode body = ex.body().length == 0 ? dev.sfsync.emulator.http.Json.MAPPER.createObjectNode() : ex.jsonBody();
        String username = body.hasNonNull("username") ? body.get("username").asText() : null;
        String clientId = body.hasNonNull("clientId") ? body.get("clientId").asText() : null;
        ex.json(200, Map.of("revoked", host.sessions().revokeAll(username, clientId)));
    }

    private Profile profile(String rawName) {
        String name = rawName;
        return host.org().definition().profiles().stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new ApiException(404, "NOT_FOUND", "no profile " + name + " (fix: use a profile of the org file)"));
    }

    private static Map<String, Object> permissionsOf(Profile profile) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Permission permission : Permission.values()) {
            out.put(permission.name(), profile.has(permission));
        }
        return out;
    }
}
