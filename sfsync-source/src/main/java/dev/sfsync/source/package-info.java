/** Models over JDBC sources, snapshots and the diff. Filled by the models and change-detection issue. */
package dev.sfsync.source;
