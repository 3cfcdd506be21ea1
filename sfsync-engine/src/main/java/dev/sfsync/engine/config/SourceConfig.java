package dev.sfsync.engine.config;

import java.util.Optional;

/** A JDBC source of models. Credentials are references; a DuckDB file needs none. */
public record SourceConfig(String name, String url, Optional<SecretRef> user, Optional<SecretRef> password, SourceSettings settings) {
    public SourceConfig(String name, String url, Optional<SecretRef> user, Optional<SecretRef> password) {
        this(name, url, user, password, SourceSettings.local());
    }
}
