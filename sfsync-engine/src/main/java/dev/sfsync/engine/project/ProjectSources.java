package dev.sfsync.engine.project;

import dev.sfsync.engine.config.SecretRef;
import dev.sfsync.engine.config.SourceConfig;
import dev.sfsync.source.ChangeDetectionMode;
import dev.sfsync.source.Source;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Opens a project's JDBC source with its secrets resolved now (never earlier, never kept in the config). */
final class ProjectSources {
    private ProjectSources() {
    }

    static Source open(SourceConfig source, Path directory) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (Map.Entry<String, SecretRef> property : source.settings().properties().entrySet()) {
            properties.put(property.getKey(), SecretValues.resolve(property.getValue(), directory));
        }
        String url = source.url();
        if (url.startsWith("jdbc:duckdb:") && !url.startsWith("jdbc:duckdb:/") && url.length() > "jdbc:duckdb:".length()) {
            // A DuckDB file written relative to the project, opened by the driver itself in warehouse mode.
            url = "jdbc:duckdb:" + directory.resolve(url.substring("jdbc:duckdb:".length()));
        }
        dev.sfsync.source.SourceConfig config = new dev.sfsync.source.SourceConfig(source.name(), url,
                SecretValues.resolve(source.user(), directory), SecretValues.resolve(source.password(), directory), properties,
                ChangeDetectionMode.LOCAL, null);
        return Source.open(source.settings().changeDetection() == ChangeDetectionMode.WAREHOUSE
                ? config.inWarehouse(source.settings().stateSchema()) : config);
    }
}
