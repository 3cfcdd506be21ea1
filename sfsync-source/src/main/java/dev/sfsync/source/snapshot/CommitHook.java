package dev.sfsync.source.snapshot;

/** Called between the statements of a snapshot commit; lets tests stop a process at a chosen point of it. */
@FunctionalInterface
interface CommitHook {
    CommitHook NONE = step -> { };

    void reached(String step);
}
