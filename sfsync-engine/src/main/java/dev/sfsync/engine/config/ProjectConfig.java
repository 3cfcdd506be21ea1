package dev.sfsync.engine.config;

import dev.sfsync.engine.inbound.InboundSyncDefinition;
import dev.sfsync.engine.sync.SyncDefinition;
import dev.sfsync.engine.twoway.TwoWaySyncDefinition;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A project's sfsync.yaml, read and statically checked: everything keyed by name, in file order.
 *
 * @param createFields per sync, the custom fields it declares it needs ({@code create_fields:}), which 'sfsync apply' creates
 * @param inbound      inbound syncs: Salesforce objects into tables ({@code inbound:})
 * @param twoWay       two-way syncs: tables paired with objects ({@code two_way:})
 */
public record ProjectConfig(Path directory,
                            Map<String, SourceConfig> sources,
                            Map<String, ConnectionConfig> connections,
                            Map<String, ModelConfig> models,
                            Map<String, SyncDefinition> syncs,
                            Map<String, java.util.List<dev.sfsync.salesforce.metadata.CustomFieldSpec>> createFields,
                            Map<String, InboundSyncDefinition> inbound,
                            Map<String, TwoWaySyncDefinition> twoWay,
                            ServiceConfig service) {
    public ProjectConfig(Path directory, Map<String, SourceConfig> sources, Map<String, ConnectionConfig> connections,
                         Map<String, ModelConfig> models, Map<String, SyncDefinition> syncs,
                         Map<String, java.util.List<dev.sfsync.salesforce.metadata.CustomFieldSpec>> createFields) {
        this(directory, sources, connections, models, syncs, createFields, Map.of(), Map.of(), ServiceConfig.NONE);
    }

    /** A project with schedules, sequences or alerts and nothing else beyond its syncs. */
    public ProjectConfig(Path directory, Map<String, SourceConfig> sources, Map<String, ConnectionConfig> connections,
                         Map<String, ModelConfig> models, Map<String, SyncDefinition> syncs, ServiceConfig service) {
        this(directory, sources, connections, models, syncs, Map.of(), Map.of(), Map.of(), service);
    }

    public ProjectConfig {
        createFields = Collections.unmodifiableMap(new LinkedHashMap<>(createFields));
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        connections = Collections.unmodifiableMap(new LinkedHashMap<>(connections));
        models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
        syncs = Collections.unmodifiableMap(new LinkedHashMap<>(syncs));
        inbound = Collections.unmodifiableMap(new LinkedHashMap<>(inbound));
        twoWay = Collections.unmodifiableMap(new LinkedHashMap<>(twoWay));
        service = service == null ? ServiceConfig.NONE : service;
    }

    /** A project without custom fields, inbound syncs, schedules, sequences or alerts. */
    public ProjectConfig(Path directory, Map<String, SourceConfig> sources, Map<String, ConnectionConfig> connections,
                         Map<String, ModelConfig> models, Map<String, SyncDefinition> syncs) {
        this(directory, sources, connections, models, syncs, Map.of());
    }
}
