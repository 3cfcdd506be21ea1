package dev.sfsync.emulator.faults;

/**
 * The faults drawn for one call: a delay, then at most one of a dropped connection or an error, and possibly an
 * expired token. {@code drop} and {@code error} are null when they did not fire.
 */
record CallFaults(long call, long delayMillis, DropRule.When drop, boolean expireToken, InjectedCallError error) {
    static final CallFaults NONE = new CallFaults(0, 0, null, false, null);
}
