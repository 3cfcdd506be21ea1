package dev.sfsync.emulator.org;

import dev.sfsync.emulator.faults.FaultRules;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** An org as its YAML file describes it, after validation; {@link Org} is built from it and reset back to it. */
public record OrgDefinition(
        String name,
        String orgId,
        Environment environment,
        LimitSettings limits,
        Duration accessTokenTtl,
        boolean apiEnabled,
        List<ObjectSchema> objects,
        List<Profile> profiles,
        List<UserAccount> users,
        List<ConnectedApp> connectedApps,
        Map<String, List<Map<String, Object>>> seedRecords,
        FaultRules faults) {

    public OrgDefinition {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(orgId, "orgId is null");
        Objects.requireNonNull(limits, "limits is null");
        Objects.requireNonNull(faults, "faults is null");
        objects = List.copyOf(objects);
        profiles = List.copyOf(profiles);
        users = List.copyOf(users);
        connectedApps = List.copyOf(connectedApps);
        seedRecords = Map.copyOf(seedRecords);
        if (users.isEmpty()) {
            throw new IllegalArgumentException("an org needs at least one user");
        }
    }

    public long dailyApiRequests() {
        return limits.dailyApiRequests();
    }

    /** The same org with other objects and no seed records (the Tooling API keeps its objects in such an org). */
    public OrgDefinition withObjects(List<ObjectSchema> replacement) {
        return new OrgDefinition(name, orgId, environment, limits, accessTokenTtl, apiEnabled, replacement, profiles, users,
                connectedApps, Map.of(), faults);
    }
}
