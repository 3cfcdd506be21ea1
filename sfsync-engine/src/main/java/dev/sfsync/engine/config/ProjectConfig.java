package dev.sfsync.engine.config;

import dev.sfsync.engine.sync.SyncDefinition;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A project's sfsync.yaml, read and statically checked: everything keyed by name, in file order. */
public record ProjectConfig(Path directory,
                            Map<String, SourceConfig> sources,
                            Map<String, ConnectionConfig> connections,
                            Map<String, ModelConfig> models,
                            Map<String, SyncDefinition> syncs,
                            ServiceConfig service) {
    public ProjectConfig {
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        connections = Collections.unmodifiableMap(new LinkedHashMap<>(connections));
        models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
        syncs = Collections.unmodifiableMap(new LinkedHashMap<>(syncs));
        service = service == null ? ServiceConfig.NONE : service;
    }

    /** A project without schedules, sequences or alerts. */
    public ProjectConfig(Path directory, Map<String, SourceConfig> sources, Map<String, ConnectionConfig> connections,
                         Map<String, ModelConfig> models, Map<String, SyncDefinition> syncs) {
        this(directory, sources, connections, models, syncs, ServiceConfig.NONE);
    }
}
