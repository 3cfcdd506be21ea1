package dev.sfsync.engine.config;

import java.util.Objects;

/**
 * One thing wrong with a project's configuration: where (file, line, column and the key path, e.g.
 * {@code syncs.accounts.mappings[2].to}), what, and how to fix it. Validation collects every problem before
 * reporting, so a user fixes a file in one pass.
 */
public record ConfigProblem(String file, int line, int column, String path, String message, String fix) {
    public ConfigProblem {
        Objects.requireNonNull(path, "path is null");
        Objects.requireNonNull(message, "message is null");
        fix = fix == null ? "" : fix;
    }

    /** {@code sfsync.yaml:12:7: syncs.accounts.mode: unknown mode 'upsrt' (fix: did you mean 'upsert'?)} */
    public String render() {
        String where = file + (line > 0 ? ":" + line + ":" + column : "");
        return where + ": " + path + ": " + message + (fix.isEmpty() ? "" : " (fix: " + fix + ")");
    }
}
