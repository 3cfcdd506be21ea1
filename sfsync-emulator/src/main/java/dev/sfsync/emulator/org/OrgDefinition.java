package dev.sfsync.emulator.org;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** An org as its YAML file describes it, after validation; {@link Org} is built from it and reset back to it. */
public record OrgDefinition(
        String name,
        String orgId,
        Environment environment,
        long dailyApiRequests,
        Duration accessTokenTtl,
        boolean apiEnabled,
        List<ObjectSchema> objects,
        List<Profile> profiles,
        List<UserAccount> users,
        List<ConnectedApp> connectedApps,
        Map<String, List<Map<String, Object>>> seedRecords,
        BulkApiLimits bulkApiLimits) {

    public OrgDefinition {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(orgId, "orgId is null");
        objects = List.copyOf(objects);
        profiles = List.copyOf(profiles);
        users = List.copyOf(users);
        connectedApps = List.copyOf(connectedApps);
        seedRecords = Map.copyOf(seedRecords);
        Objects.requireNonNull(bulkApiLimits, "bulkApiLimits is null");
        if (users.isEmpty()) {
            throw new IllegalArgumentException("an org needs at least one user");
        }
    }
}
