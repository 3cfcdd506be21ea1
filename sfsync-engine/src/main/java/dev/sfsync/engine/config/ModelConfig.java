package dev.sfsync.engine.config;

import java.util.List;

/** A SQL query over a source, and the column(s) that identify a row. */
public record ModelConfig(String name, String source, String sql, List<String> primaryKey) {
    public ModelConfig {
        primaryKey = List.copyOf(primaryKey);
    }
}
