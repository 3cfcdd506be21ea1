/**
 * The state store: everything sfsync remembers between runs apart from snapshots (which live in the source
 * module's DuckDB snapshot store). {@link dev.sfsync.store.StateStore} opens it, embedded (a SQLite file in the
 * state directory) or on Postgres for teams; Flyway migrations keep both schemas current.
 * <ul>
 *   <li>{@link dev.sfsync.store.Connections}: Salesforce logins, tokens and client secrets encrypted with AES-GCM
 *       ({@code secret} package);</li>
 *   <li>{@link dev.sfsync.store.SyncDefinitions}: the syncs as last deployed;</li>
 *   <li>{@link dev.sfsync.store.Runs}, {@link dev.sfsync.store.RowOutcomes}, {@link dev.sfsync.store.ApiLog}: what each run did,
 *       row by row and call by call, pruned by a {@link dev.sfsync.store.RetentionPolicy};</li>
 *   <li>{@link dev.sfsync.store.InboundCursors}: where each inbound sync resumes.</li>
 * </ul>
 */
package dev.sfsync.store;
