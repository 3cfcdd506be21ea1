package dev.sfsync.cli;

/**
 * Keeps Flight Recorder's Java side from starting in a command that was not started to record. DuckDB's JDBC driver
 * registers a JFR periodic event (its memory monitor) when it loads, which starts JFR's event machinery (metadata,
 * generated event classes): about 0.25 CPU seconds and half a second of wall time on every command that opens DuckDB,
 * the JVM's AOT cache or not (BENCHMARKS.md, issue 18 start-up). The JDK's own switch for a JVM without JFR
 * ({@value #PROPERTY}) makes that registration return at once. A JVM started with {@code -XX:StartFlightRecording} has
 * JFR initialised before {@code main} and keeps it, as do the long-running commands ({@code sfsync serve} and
 * {@code sfsync emulator}), which may be profiled through {@code jcmd JFR.start}; setting the property yourself ({@code -D}{@value #PROPERTY}{@code =false})
 * keeps it too.
 */
final class FlightRecorderSwitch {
    static final String PROPERTY = "jfr.unsupported.vm";

    private FlightRecorderSwitch() {
    }

    private static final java.util.Set<String> LONG_RUNNING = java.util.Set.of("serve", "emulator");

    static void leaveOffUnlessRecording(String... args) {
        if (System.getProperty(PROPERTY) != null || args.length > 0 && LONG_RUNNING.contains(args[0])) {
            return;
        }
        try {
            if (jdk.jfr.FlightRecorder.isInitialized()) {
                return;
            }
        } catch (LinkageError noJfrModule) {
            return;
        }
        System.setProperty(PROPERTY, "true");
    }
}
