package dev.sfsync.server.api;

import dev.sfsync.store.Run;

import java.time.Instant;

/** The JSON shapes of the API (snake_case on the wire), kept apart from the store's records so the API stays stable. */
final class Views {
    private Views() {
    }

    record RunView(String id, String sync, String status, Instant startedAt, Instant finishedAt, long created, long updated, long deleted,
                   long unchanged, long rejected, long failed, String message) {
        static RunView of(Run run) {
            var s = run.summary();
            return new RunView(run.id().value(), run.sync().value(), run.status().name().toLowerCase(java.util.Locale.ROOT), run.startedAt(),
                    run.finishedAt(), s.created(), s.updated(), s.deleted(), s.unchanged(), s.rejected(), s.failed(), run.message());
        }
    }

    record SyncView(String name, String model, String connection, String object, String mode, String api, String schedule, Instant nextRun,
                    boolean running, String waiting, RunView lastRun, PauseView paused) {
    }

    record SequenceView(String name, java.util.List<String> syncs, String onFailure, String schedule, Instant nextRun, PauseView paused) {
    }

    /** Who paused a schedule and when; null (absent) when it is not paused. */
    record PauseView(Instant pausedAt, String pausedBy) {
        static PauseView of(java.util.Optional<dev.sfsync.server.schedule.SchedulePauses.Pause> pause) {
            return pause.map(p -> new PauseView(p.pausedAt(), p.pausedBy())).orElse(null);
        }
    }

    record CodeView(String code, long rows, String explanation, String fix) {
    }

    record RowView(java.util.List<String> key, String outcome, String recordId, String code, String message, java.util.List<String> fields,
                   Integer attempt) {
    }

    record CallView(Instant at, String method, String url, int status, long durationMs, long requestBytes, long responseBytes, String error) {
    }

    record ConnectionView(String name, String environment, String loginUrl, String instanceUrl, String username, String orgId, String status,
                          String statusMessage, Instant updatedAt) {
    }
}
