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
        FaultRules faults,
        TlsOption tls,
        Bulk2Settings bulk2) {

    public OrgDefinition {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(orgId, "orgId is null");
        Objects.requireNonNull(limits, "limits is null");
        Objects.requireNonNull(faults, "faults is null");
        tls = tls == null ? TlsOption.OFF : tls;
        bulk2 = bulk2 == null ? Bulk2Settings.DEFAULTS : bulk2;
        objects = List.copyOf(objects);
        profiles = List.copyOf(profiles);
        users = List.copyOf(users);
        connectedApps = List.copyOf(connectedApps);
        seedRecords = Map.copyOf(seedRecords);
        if (users.isEmpty()) {
            throw new IllegalArgumentException("an org needs at least one user");
        }
    }

    /** An org served over plain HTTP with the default Bulk API 2.0 timing. */
    public OrgDefinition(String name, String orgId, Environment environment, LimitSettings limits, Duration accessTokenTtl,
                         boolean apiEnabled, List<ObjectSchema> objects, List<Profile> profiles, List<UserAccount> users,
                         List<ConnectedApp> connectedApps, Map<String, List<Map<String, Object>>> seedRecords, FaultRules faults) {
        this(name, orgId, environment, limits, accessTokenTtl, apiEnabled, objects, profiles, users, connectedApps, seedRecords,
                faults, TlsOption.OFF, Bulk2Settings.DEFAULTS);
    }

    /** The same org with other Bulk API 2.0 timing (tests set 0 to get results at once). */
    public OrgDefinition withBulk2(Bulk2Settings settings) {
        return new OrgDefinition(name, orgId, environment, limits, accessTokenTtl, apiEnabled, objects, profiles, users,
                connectedApps, seedRecords, faults, tls, settings);
    }

    /** The same org served over TLS as {@code option} says. */
    public OrgDefinition withTls(TlsOption option) {
        return new OrgDefinition(name, orgId, environment, limits, accessTokenTtl, apiEnabled, objects, profiles, users,
                connectedApps, seedRecords, faults, option, bulk2);
    }

    public long dailyApiRequests() {
        return limits.dailyApiRequests();
    }

    /** The same org with other objects and no seed records (the Tooling API keeps its objects in such an org). */
    public OrgDefinition withObjects(List<ObjectSchema> replacement) {
        return new OrgDefinition(name, orgId, environment, limits, accessTokenTtl, apiEnabled, replacement, profiles, users,
                connectedApps, Map.of(), faults, tls, bulk2);
    }
}
