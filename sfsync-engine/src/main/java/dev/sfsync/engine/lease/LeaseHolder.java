package dev.sfsync.engine.lease;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The process that holds a run lease, written into the lease as text a person can read ("pid 4711 on host-a, started
 * ..."). On the same host a holder whose process is gone is known dead at once, without waiting for its lease to expire:
 * the start time tells a reused pid from the original process.
 */
public record LeaseHolder(long pid, String host, Instant processStart) {
    private static final Pattern FORMAT = Pattern.compile("pid (\\d+) on (\\S+), started (\\S+)");

    /** This JVM. */
    public static LeaseHolder current() {
        ProcessHandle self = ProcessHandle.current();
        return new LeaseHolder(self.pid(), hostName(), self.info().startInstant().orElse(Instant.EPOCH));
    }

    /** The holder a lease names, or empty when another kind of holder (a future server) wrote it in its own words. */
    public static Optional<LeaseHolder> parse(String text) {
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LeaseHolder(Long.parseLong(m.group(1)), m.group(2), Instant.parse(m.group(3))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** True when this holder is a process of this host that no longer runs. */
    public boolean knownDead() {
        if (!host.equals(hostName())) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        return process.isEmpty() || !process.get().isAlive()
                || process.get().info().startInstant().map(start -> !start.equals(processStart)).orElse(false);
    }

    /** Process and host, for messages. */
    public String describe() {
        return "pid " + pid + " on " + host;
    }

    @Override
    public String toString() {
        return describe() + ", started " + processStart;
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            return Files.readString(Path.of("/etc/hostname")).strip();
        } catch (IOException | RuntimeException e) {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException unknown) {
                return "localhost";
            }
        }
    }
}
