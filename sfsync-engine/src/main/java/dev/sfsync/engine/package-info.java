/** Planning and execution of syncs. Filled by the outbound sync engine issue. */
package dev.sfsync.engine;
