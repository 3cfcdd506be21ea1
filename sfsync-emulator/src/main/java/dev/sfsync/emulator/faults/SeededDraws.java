package dev.sfsync.emulator.faults;

/**
 * Random numbers that depend only on (seed, counter, salt): the n-th call draws the same numbers whatever the calls
 * before it drew, so a fault run replays exactly from its seed and the order of calls.
 */
final class SeededDraws {
    private SeededDraws() {
    }

    /** A number in [0, 1). */
    static double unit(long seed, long counter, long salt) {
        long z = mix(seed + counter * 0x9E3779B97F4A7C15L + salt * 0xC2B2AE3D27D4EB4FL);
        return (z >>> 11) * 0x1.0p-53;
    }

    /** SplitMix64's finaliser: every input bit moves about half of the output bits. */
    static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
