package dev.sfsync.benchmarks;

import java.util.Arrays;

/**
 * Entry point of the benchmark jar: {@code ./bench emulator [seconds]}, {@code ./bench bulk1 [batches]},
 * {@code ./bench bulk2 [rows]}, {@code ./bench diff [rows] [duckdb-memory-limit]} or {@code ./bench compare [options]}
 * (every figure of issue 7 in one table; see {@link CompareOptions}). Prints figures; never fails a build.
 */
public final class Benchmarks {
    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length == 0 ? "emulator" : args[0];
        String[] rest = args.length == 0 ? new String[0] : Arrays.copyOfRange(args, 1, args.length);
        switch (which) {
            case "emulator" -> EmulatorBenchmark.main(rest);
            case "bulk1" -> Bulk1Benchmark.main(rest);
            case "bulk2" -> Bulk2IngestBenchmark.main(rest);
            case "diff" -> DiffBenchmark.main(rest);
            case "warehouse" -> WarehouseBenchmark.main(rest);
            case "compare" -> CompareCommand.main(rest);
            case "inbound" -> InboundBenchmark.main(rest);
            case "twoway" -> TwoWayBenchmark.main(rest);
            case "soak" -> SoakBenchmark.main(rest);
            case "scheduler" -> SchedulerBenchmark.main(rest);
            case "startup" -> StartupBenchmark.main(rest);
            default -> {
                System.err.println("unknown benchmark '" + which + "'; available: compare, emulator, bulk1, bulk2, diff, warehouse, inbound, soak, scheduler, startup");
                System.exit(2);
            }
        }
    }
}
