/** The vocabulary of sfsync (Model, Sync, ChangeSet, Plan, RowOutcome); JDK only, no I/O. Filled by the models and sync-engine issues. */
package dev.sfsync.core;
