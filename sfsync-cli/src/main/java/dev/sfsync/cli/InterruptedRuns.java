package dev.sfsync.cli;

import dev.sfsync.engine.lease.DeadRuns;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Says which runs were found dead (killed or crashed) and are now marked interrupted, so a killed run never goes unmentioned. */
final class InterruptedRuns {
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    private InterruptedRuns() {
    }

    static void report(List<DeadRuns.Interrupted> runs, PrintWriter err) {
        for (DeadRuns.Interrupted dead : runs) {
            err.printf("run %s of sync %s was interrupted at %s (%,d rows had settled); its process %sstopped without ending it%n",
                    dead.run().id(), dead.run().sync(), HOUR_MINUTE.format(dead.lastAlive().atZone(ZoneId.systemDefault())),
                    dead.run().summary().rows(), dead.holder() == null ? "" : "(" + dead.holder() + ") ");
        }
        err.flush();
    }
}
