package dev.sfsync.cli;

import dev.sfsync.engine.inbound.InboundResult;

import java.io.PrintWriter;

/** Runs one inbound sync for 'sfsync run' and says what it did to its table. */
final class InboundRunOutput {
    private InboundRunOutput() {
    }

    static int run(ProjectSession session, String sync, boolean full, PrintWriter out, PrintWriter err) {
        boolean terminal = System.console() != null;
        try {
            InboundResult r = session.project.runInbound(sync, full, rows -> {
                if (terminal) {
                    out.printf("\r%s: %,d records read", sync, rows);
                    out.flush();
                }
            });
            if (terminal) {
                out.println();
            }
            r.notices().forEach(n -> out.printf("%s: %s%n", sync, n));
            out.printf("%s: %s into %s (%s): %,d created, %,d updated, %,d deleted, %,d unchanged; next run reads changes from %s UTC%n", sync,
                    r.initial() ? "initial sync" : "delta", r.table(), switch (r.api()) {
                        case BULK2 -> "Bulk API 2.0";
                        case BULK1 -> "Bulk API 1.0 with PK chunking";
                        default -> "REST";
                    },
                    r.created(), r.updated(), r.deleted(), r.unchanged(), r.cursor() == null ? "the start (the object is empty)" : r.cursor());
            out.flush();
            return ExitCodes.OK;
        } catch (RuntimeException e) {
            return Failures.report(e, session, sync, err);
        }
    }
}
