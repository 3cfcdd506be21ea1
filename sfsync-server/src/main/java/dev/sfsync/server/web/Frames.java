package dev.sfsync.server.web;

import dev.sfsync.engine.config.ProjectConfig;
import dev.sfsync.store.SalesforceConnection;
import dev.sfsync.store.StateStore;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Builds the {@link Frame} of a page from the project: its name and the org each connection points at. */
final class Frames {
    private final ProjectConfig config;
    private final StateStore store;

    Frames(ProjectConfig config, StateStore store) {
        this.config = config;
        this.store = store;
    }

    String project() {
        Path directory = config.directory().toAbsolutePath().normalize();
        return directory.getFileName() == null ? directory.toString() : directory.getFileName().toString();
    }

    Frame of(Viewer viewer, String title, String section, String notice) {
        List<Frame.Org> orgs = viewer == null ? List.of() : config.connections().values().stream().map(c -> {
            var stored = store.connections().find(c.name());
            String target = stored.filter(s -> s.orgId() != null && s.status() != SalesforceConnection.Status.DISCONNECTED)
                    .map(s -> s.orgId() + " at " + (s.instanceUrl() == null ? c.loginUrl() : s.instanceUrl())).orElse(c.loginUrl());
            return new Frame.Org(c.name(), c.environment().name().toLowerCase(Locale.ROOT), target);
        }).toList();
        return new Frame(title, section, project(), orgs, viewer, notice);
    }
}
