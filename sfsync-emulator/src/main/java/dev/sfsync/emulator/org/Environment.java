package dev.sfsync.emulator.org;

/** Production orgs log in through login.salesforce.com, sandboxes through test.salesforce.com. */
public enum Environment {
    PRODUCTION, SANDBOX
}
