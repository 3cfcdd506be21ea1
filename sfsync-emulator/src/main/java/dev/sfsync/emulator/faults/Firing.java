package dev.sfsync.emulator.faults;

import java.util.Map;

/**
 * How often a rule fires: on each matching call with probability {@code rate}, and at most {@code times} times in
 * all (null: no limit). {@code rate: 1, times: 3} fails the next three matching calls.
 */
public record Firing(double rate, Long times) {
    public static final Firing ALWAYS = new Firing(1.0, null);

    public Firing {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate " + rate + " is not between 0 and 1");
        }
        if (times != null && times < 1) {
            throw new IllegalArgumentException("times " + times + " is less than 1");
        }
    }

    public static Firing times(long count) {
        return new Firing(1.0, count);
    }

    boolean exhausted(long fired) {
        return times != null && fired >= times;
    }

    void putInto(Map<String, Object> json) {
        json.put("rate", rate);
        if (times != null) {
            json.put("times", times);
        }
    }
}
