package io.shareflow.bench.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How long and how hard each part runs: the figures by default, a smoke run of a few minutes with
 * {@code -Dbench.quick=true}. Read from system properties (the pom passes them on from the mvnw line).
 *
 * @param recipientsPerMinute share-api's per-user sharing limit for the run, raised so that no request is refused by it
 */
record E2eSettings(boolean quick, long seed, int sharers, int recipientsPerMinute, int apiPoolSize,
                   double warmUpRate, Duration warmUp, double profileRate, Duration profile,
                   List<Integer> clients, Duration closedLoop,
                   double synchronousRate, Duration synchronousLoad, double sustainedRate, Duration sustained,
                   Duration activeWithin, Duration drainWait, List<Double> capacitySteps, Duration capacityStep,
                   int notifierShares, Path results) {

    static E2eSettings fromSystemProperties() {
        boolean quick = Boolean.getBoolean("bench.quick");
        Path results = Path.of(blankTo(System.getProperty("bench.results"), "results"));
        long seed = Long.getLong("bench.seed", 14);
        if (quick) {
            return new E2eSettings(true, seed, 32, 1_000_000, 10, 100, Duration.ofSeconds(5), 50, Duration.ofSeconds(10),
                    List.of(8, 32, 64),
                    Duration.ofSeconds(5), 100, Duration.ofSeconds(5), 300, Duration.ofSeconds(15),
                    Duration.ofSeconds(5), Duration.ofSeconds(15), List.of(300.0, 450.0), Duration.ofSeconds(15),
                    300, results);
        }
        // The warm-up is long because three services' JIT compilers share 2 cores with the load: C2 still compiles
        // minutes after the start (measured with jstat -compiler), and what it has not compiled yet is charged to the
        // first part.
        return new E2eSettings(false, seed, 32, 1_000_000, 10, 80, Duration.ofSeconds(90), 50, Duration.ofSeconds(40),
                List.of(8, 32, 64),
                Duration.ofSeconds(15), 100, Duration.ofSeconds(15), 300, Duration.ofSeconds(60),
                Duration.ofSeconds(5), Duration.ofSeconds(90), List.of(300.0, 400.0, 450.0, 500.0, 600.0),
                Duration.ofSeconds(60), 2_000, results);
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
