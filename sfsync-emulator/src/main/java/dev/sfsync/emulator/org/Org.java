package dev.sfsync.emulator.org;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One emulated org at run time: its schema, records, users, connected apps, limits and settings. All record writes
 * hold {@link #writeLock()} so unique checks and indexes stay consistent; reads need no lock.
 */
public final class Org {
    private volatile OrgDefinition definition;
    private final Clock clock;
    private final Object writeLock = new Object();
    private final Map<String, RecordStore> stores = new ConcurrentHashMap<>();
    private final Map<String, UserAccount> usersByName = new ConcurrentHashMap<>();
    private final Map<String, ConnectedApp> appsByClientId = new ConcurrentHashMap<>();
    private final Set<String> lockedRecordIds = ConcurrentHashMap.newKeySet();
    private final SalesforceIds ids = new SalesforceIds(1000);
    private final Map<String, java.util.concurrent.atomic.AtomicLong> autoNumbers = new ConcurrentHashMap<>();
    private final OrgLimits limits;
    private final OrgSharing sharing = new OrgSharing();
    private final java.time.Instant startedAt;
    private volatile Duration accessTokenTtl;
    private volatile boolean apiEnabled;
    private volatile java.time.Instant schemaModified;

    public Org(OrgDefinition definition, Clock clock) {
        this.definition = definition;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.limits = new OrgLimits(clock, definition.limits());
        this.accessTokenTtl = definition.accessTokenTtl();
        this.apiEnabled = definition.apiEnabled();
        load();
    }

    private void load() {
        schemaModified = clock.instant();
        for (ObjectSchema schema : definition.objects()) {
            stores.put(schema.name().toLowerCase(Locale.ROOT), new RecordStore(schema));
            sharing.model(schema.name(), schema.sharingModel());
        }
        for (UserAccount user : definition.users()) {
            usersByName.put(user.username().toLowerCase(Locale.ROOT), user);
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("Username", user.username());
            values.put("FirstName", user.firstName());
            values.put("LastName", user.lastName());
            values.put("Name", user.displayName());
            values.put("Email", user.email());
            values.put("IsActive", user.active());
            values.put("ProfileId", user.profile().id());
            RecordStore users = store("User").orElseThrow();
            users.put(new StoredRecord(user.id(), users.schema(), SystemFields.stamp(values, user.id(), user.id(), clock.instant(), true)));
        }
        for (ConnectedApp app : definition.connectedApps()) {
            appsByClientId.put(app.clientId(), app);
        }
    }

    /** Drops every record and every change made at run time, back to the org file. */
    public void reset() {
        synchronized (writeLock) {
            stores.clear();
            usersByName.clear();
            appsByClientId.clear();
            lockedRecordIds.clear();
            autoNumbers.clear();
            sharing.clear();
            limits.reset(definition.limits());
            accessTokenTtl = definition.accessTokenTtl();
            apiEnabled = definition.apiEnabled();
            load();
        }
    }

    public OrgDefinition definition() { return definition; }

    /** Replaces the org file and resets to it (the admin endpoint that loads an org file). */
    public void replaceDefinition(OrgDefinition replacement) {
        synchronized (writeLock) {
            this.definition = replacement;
            reset();
        }
    }
    public String id() { return definition.orgId(); }
    public String name() { return definition.name(); }
    public Environment environment() { return definition.environment(); }
    public Clock clock() { return clock; }
    public Object writeLock() { return writeLock; }
    public SalesforceIds ids() { return ids; }
    public ApiUsage apiUsage() { return limits.apiUsage(); }
    public OrgLimits limits() { return limits; }
    /** Org-wide defaults (set at run time; a reset makes every object Public Read/Write again). */
    public OrgSharing sharing() { return sharing; }
    public java.time.Instant startedAt() { return startedAt; }
    public Duration accessTokenTtl() { return accessTokenTtl; }
    public void accessTokenTtl(Duration ttl) { this.accessTokenTtl = ttl; }
    public boolean apiEnabled() { return apiEnabled; }
    public void apiEnabled(boolean enabled) { this.apiEnabled = enabled; }
    public Set<String> lockedRecordIds() { return lockedRecordIds; }

    /** The next value of an auto-number field, e.g. A-0001, numbered per field as Salesforce does. */
    public String nextAutoNumber(String object, String field) {
        return String.format("A-%04d", nextNumber(object, field));
    }

    /** The next number of a per-field sequence (1, 2, 3 …), restarted by a reset; auto-numbers and replay ids use it. */
    public long nextNumber(String object, String field) {
        return autoNumbers.computeIfAbsent(object + "." + field, k -> new java.util.concurrent.atomic.AtomicLong()).incrementAndGet();
    }

    public Optional<RecordStore> store(String objectName) {
        return Optional.ofNullable(stores.get(objectName.toLowerCase(Locale.ROOT)));
    }

    public Optional<ObjectSchema> schema(String objectName) {
        return store(objectName).map(RecordStore::schema);
    }

    public Collection<ObjectSchema> schemas() {
        List<ObjectSchema> all = new ArrayList<>();
        for (RecordStore store : stores.values()) {
            all.add(store.schema());
        }
        all.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        return all;
    }

    /** The object whose ids start with this key prefix. */
    public Optional<ObjectSchema> schemaForId(String id) {
        if (id == null || id.length() < 3) {
            return Optional.empty();
        }
        String prefix = id.substring(0, 3);
        // A loop, not a stream: every reference field of every written record comes through here.
        for (RecordStore store : stores.values()) {
            ObjectSchema schema = store.schema();
            if (schema.keyPrefix().equals(prefix)) {
                return Optional.of(schema);
            }
        }
        return Optional.empty();
    }

    /** Finds a live record by id in whatever object its prefix names. */
    public Optional<StoredRecord> findRecord(String id18) {
        return schemaForId(id18).flatMap(s -> store(s.name())).flatMap(s -> s.get(id18)).filter(r -> !r.isDeleted());
    }

    /** Adds or replaces an object (used by the Metadata and Tooling APIs); its records are kept. */
    public void putSchema(ObjectSchema schema) {
        synchronized (writeLock) {
            RecordStore existing = stores.get(schema.name().toLowerCase(Locale.ROOT));
            if (existing == null) {
                stores.put(schema.name().toLowerCase(Locale.ROOT), new RecordStore(schema));
            } else {
                existing.schema(schema);
            }
            schemaModified = clock.instant();
        }
    }

    /** Access changed (profiles, permission sets, field permissions): what describes show has changed with it. */
    public void describesChanged() {
        schemaModified = clock.instant();
    }

    /** When an object or field last changed (load, reset, or a Metadata / Tooling API change): describes' Last-Modified. */
    public java.time.Instant schemaModified() {
        return schemaModified;
    }

    public Optional<UserAccount> user(String username) {
        return Optional.ofNullable(usersByName.get(username.toLowerCase(Locale.ROOT)));
    }

    public Optional<UserAccount> userById(String id) {
        return usersByName.values().stream().filter(u -> u.id().equals(id)).findFirst();
    }

    /** Activates or deactivates a user, as Setup does; a deactivated user's sessions stop working at once. */
    public void active(UserAccount user, boolean active) {
        synchronized (writeLock) {
            UserAccount changed = new UserAccount(user.id(), user.username(), user.password(), user.email(), user.firstName(),
                    user.lastName(), user.profile(), active);
            usersByName.put(user.username().toLowerCase(Locale.ROOT), changed);
            RecordStore users = store("User").orElseThrow();
            users.get(user.id()).ifPresent(record -> {
                Map<String, Object> values = new LinkedHashMap<>(record.values());
                values.put("IsActive", active);
                users.put(new StoredRecord(record.id(), record.schema(), values));
            });
        }
    }

    public Collection<UserAccount> users() {
        return usersByName.values();
    }

    public Optional<ConnectedApp> connectedApp(String clientId) {
        return Optional.ofNullable(clientId == null ? null : appsByClientId.get(clientId));
    }

    public void putConnectedApp(ConnectedApp app) {
        appsByClientId.put(app.clientId(), app);
    }

    /** The user the authorize endpoint approves without a login form. */
    public UserAccount defaultUser() {
        return definition.users().getFirst();
    }
}
