/**
 * The vocabulary of sfsync, shared by the source, store and engine modules; JDK only, no I/O.
 *
 * <ul>
 *   <li>{@code model}: a {@link dev.sfsync.core.model.Model} (SQL + primary key), its columns and its rows;</li>
 *   <li>{@code change}: the {@link dev.sfsync.core.change.ChangeSet} of a model against its sync's snapshot;</li>
 *   <li>{@code outcome}: what happened to each row of a run ({@link dev.sfsync.core.outcome.RowOutcome}).</li>
 * </ul>
 * Every failure of sfsync's own making is a {@link dev.sfsync.core.SfsyncException} that says what is wrong and how to fix it.
 */
package dev.sfsync.core;
