/** Benchmark harnesses that print figures. */
package dev.sfsync.benchmarks;
