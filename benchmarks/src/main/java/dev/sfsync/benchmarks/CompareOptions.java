package dev.sfsync.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Options of {@code ./bench compare}. The defaults are the sizes, and take about 20 minutes on 2 quiet cores
 * (17 measured), longer when other work shares them.
 *
 * @param rows       model sizes of the outbound runs (every row new)
 * @param diffRows   model sizes of the change-detection figures (empty: none)
 * @param repeat     runs of each figure, for its median
 * @param repeatLarge runs of the outbound figures of {@value #LARGE} rows or more: each of their repeats takes about
 *                   4 minutes on a quiet machine today (sfsync's three runs take about a minute each), so 1 makes a quicker look
 * @param out        the file the table is written to, besides stdout
 * @param work       where models and projects go (deleted afterwards unless given)
 */
record CompareOptions(List<Long> rows, List<Long> diffRows, int repeat, int repeatLarge, List<SyncApi> apis, boolean jsforce, String diffMemory, Path out,
                      Path work) {
    static final long LARGE = 1_000_000;
    static final String USAGE = """
            usage: ./bench compare [--rows 100000,1000000] [--diff-rows 1000000,10000000|none] [--repeat 3] [--repeat-large 3]
                                   [--apis rest,bulk1,bulk2] [--no-jsforce] [--diff-memory 1GB] [--out FILE] [--work DIR]""";

    static CompareOptions parse(String[] args, Path defaultOut) {
        List<Long> rows = List.of(100_000L, 1_000_000L);
        List<Long> diffRows = List.of(1_000_000L, 10_000_000L);
        int repeat = 3;
        int repeatLarge = 3;
        List<SyncApi> apis = List.of(SyncApi.values());
        boolean jsforce = true;
        String diffMemory = "1GB";
        Path out = defaultOut;
        Path work = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--no-jsforce")) {
                jsforce = false;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (option) {
                case "--rows" -> rows = counts(option, value);
                case "--diff-rows" -> diffRows = value.equals("none") ? List.of() : counts(option, value);
                case "--repeat" -> repeat = (int) count(option, value);
                case "--repeat-large" -> repeatLarge = (int) count(option, value);
                case "--apis" -> apis = Arrays.stream(value.split(",")).map(SyncApi::parse).distinct().toList();
                case "--diff-memory" -> diffMemory = value;
                case "--out" -> out = Path.of(value);
                case "--work" -> work = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option '" + option + "'\n" + USAGE);
            }
        }
        return new CompareOptions(rows, diffRows, repeat, repeatLarge, apis, jsforce, diffMemory, out, work);
    }

    private static List<Long> counts(String option, String value) {
        List<Long> counts = new ArrayList<>();
        for (String part : value.split(",")) {
            counts.add(count(option, part));
        }
        return List.copyOf(counts);
    }

    private static long count(String option, String value) {
        try {
            long count = Long.parseLong(value.trim().replace("_", ""));
            if (count > 0) {
                return count;
            }
        } catch (NumberFormatException ignored) {
            // reported below, with the option's name
        }
        throw new IllegalArgumentException(option + " takes positive whole numbers separated by commas (e.g. 100000,1000000), not '" + value + "'\n" + USAGE);
    }

    /** How many runs a figure of this many outbound rows gets. */
    int repeats(long outboundRows) {
        return outboundRows >= LARGE ? repeatLarge : repeat;
    }
}
