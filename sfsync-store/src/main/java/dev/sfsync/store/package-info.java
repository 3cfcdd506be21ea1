/** State store: connections, syncs, runs, row outcomes, API log. Filled by the models and state-store issue. */
package dev.sfsync.store;
