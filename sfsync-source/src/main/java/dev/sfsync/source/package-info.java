/**
 * Models over JDBC sources, snapshots and the diff.
 *
 * <ul>
 *   <li>{@link dev.sfsync.source.Source}: a DuckDB file (the embedded default, which also reads CSV and Parquet
 *       files from SQL), Postgres, or any JDBC driver on the classpath; {@link dev.sfsync.source.ModelReader}
 *       streams a model's rows.</li>
 *   <li>{@code snapshot}: the {@link dev.sfsync.source.snapshot.SnapshotStore}, a DuckDB file in the project's
 *       state directory holding each sync's snapshot; it computes {@link dev.sfsync.core.change.ChangeSet}s
 *       in SQL and moves snapshots forward atomically for the rows that succeeded.</li>
 * </ul>
 * Bad models fail with an exception named for the problem ({@link dev.sfsync.source.ModelQueryFailed},
 * {@link dev.sfsync.source.ModelMissingKeyColumn}, {@link dev.sfsync.source.ModelHasNullKeys},
 * {@link dev.sfsync.source.ModelHasDuplicateKeys}) before anything is sent.
 */
package dev.sfsync.source;
