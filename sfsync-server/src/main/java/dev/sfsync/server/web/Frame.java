package dev.sfsync.server.web;

import java.util.List;

/**
 * What every page shows around its content: the project, where each connection points, who is logged in, the
 * section, and a notice left by the previous action (e.g. "Run started").
 */
public record Frame(String title, String section, String project, List<Org> orgs, Viewer viewer, String notice) {
    /** A connection and the org it points at (its login URL, and the org id once connected). */
    public record Org(String connection, String environment, String target) {
    }

    public String csrf() {
        return viewer == null ? "" : viewer.csrf();
    }

    public boolean current(String name) {
        return name.equals(section);
    }
}
