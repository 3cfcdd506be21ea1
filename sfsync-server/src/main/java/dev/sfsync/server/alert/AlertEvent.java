package dev.sfsync.server.alert;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One message to a destination: an incident opening ({@link Kind#TRIGGER}), its end ({@link Kind#RESOLVE}), or a
 * test. Carries what a person on call needs: the sync, the run, the top error codes with the catalogue's
 * explanation and fix, and a link to the run.
 */
public record AlertEvent(Kind kind, String incidentId, String rule, String condition, String subject, String title, String detail, String runId,
                         String runLink, List<TopError> topErrors, Instant at) {
    public enum Kind { TRIGGER, RESOLVE, TEST }

    public record TopError(String code, long rows, String explanation, String fix) {
    }

    public AlertEvent {
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(incidentId, "incidentId is null");
        Objects.requireNonNull(title, "title is null");
        topErrors = topErrors == null ? List.of() : List.copyOf(topErrors);
    }

    /** One text for chat and email: status, title, detail, errors, link. */
    public String text() {
        StringBuilder text = new StringBuilder();
        text.append(switch (kind) {
            case TRIGGER -> "[sfsync] FIRING: ";
            case RESOLVE -> "[sfsync] RESOLVED: ";
            case TEST -> "[sfsync] TEST: ";
        }).append(title).append('\n');
        if (detail != null && !detail.isBlank()) {
            text.append(detail).append('\n');
        }
        for (TopError error : topErrors) {
            text.append("- ").append(error.code()).append(" (").append(error.rows()).append(" rows): ").append(error.explanation())
                    .append(" Fix: ").append(error.fix()).append('\n');
        }
        if (runLink != null) {
            text.append("Run: ").append(runLink).append('\n');
        }
        return text.toString();
    }
}
