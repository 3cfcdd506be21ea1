package dev.sfsync.emulator;

/** Inserts the records an org file lists under {@code records}, as the org's first user. */
final class SeedRecords {
    private SeedRecords() {
    }

    static void load(OrgHost host) {
    }
}
