package dev.sfsync.benchmarks;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The classes holding most of this JVM's live heap (the JVM's own class histogram, after a full GC): where the
 * emulated org's bytes per record go.
 */
final class HeapHistogram {
    private HeapHistogram() {
    }

    /** The histogram's header and its first {@code classes} classes, or why there is none. */
    static String top(int classes) {
        try {
            String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "gcClassHistogram", new Object[]{new String[0]}, new String[]{String[].class.getName()});
            return Arrays.stream(histogram.split("\n")).limit(classes + 2L).collect(Collectors.joining("\n"));
        } catch (Exception e) {
            return "(no class histogram: " + e.getMessage() + ")";
        }
    }
}
