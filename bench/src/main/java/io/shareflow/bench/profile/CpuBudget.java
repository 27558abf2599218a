package io.shareflow.bench.profile;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Where the CPU of a measured stretch went, component by component, and per share: each service process, all
 * PostgreSQL processes, and this JVM split into the load generator's threads and the rest (the embedded Kafka broker
 * and SMTP server run in it). On two shared cores this is the profile that explains a throughput: the machine has
 * 2,000 CPU-ms a second, so a share that costs {@code c} ms in all caps the system at {@code 2000 / c} shares/s
 * whatever the code does with its threads.
 *
 * <p>Counts a process or thread that ends between two snapshots only up to the earlier one (its last ticks are lost),
 * and one that starts in between in full.
 */
public final class CpuBudget {

    /**
     * The processes to count, by component name; the PostgreSQL server's postmaster, whose children (its backends and
     * workers) are counted with it and no other PostgreSQL of the machine; which threads of this JVM are the load
     * generator's.
     */
    public record Scope(Map<String, Long> servicePids, long postmasterPid, Predicate<String> loadGeneratorThread) {

        public Scope {
            servicePids = Map.copyOf(servicePids);
        }
    }

    /** One reading of every counted process and thread. */
    public static final class Snapshot {

        private final Scope scope;
        private final Map<String, Long> serviceTicks;
        private final Map<Long, Long> postgresTicks;
        private final Map<Long, Long> threadNanos;
        private final Map<Long, Boolean> threadIsLoad;

        private Snapshot(Scope scope, Map<String, Long> serviceTicks, Map<Long, Long> postgresTicks,
                         Map<Long, Long> threadNanos, Map<Long, Boolean> threadIsLoad) {
            this.scope = scope;
            this.serviceTicks = serviceTicks;
            this.postgresTicks = postgresTicks;
            this.threadNanos = threadNanos;
            this.threadIsLoad = threadIsLoad;
        }
    }

    /** CPU milliseconds of one component in a stretch, and per unit of work (a share). */
    public record Row(String component, double cpuMillis, double millisPerShare) {
    }

    private CpuBudget() {
    }

    public static Snapshot snapshot(Scope scope) {
        Map<String, Long> services = new LinkedHashMap<>();
        scope.servicePids().forEach((name, pid) -> services.put(name, ProcStat.of(pid).map(ProcStat::ticks).orElse(0L)));
        Map<Long, Long> postgres = new HashMap<>();
        for (ProcStat p : ProcStat.all()) {
            if (p.pid() == scope.postmasterPid() || p.parent() == scope.postmasterPid()) {
                postgres.put(p.pid(), p.ticks());
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> nanos = new HashMap<>();
        Map<Long, Boolean> isLoad = new HashMap<>();
        for (ThreadInfo info : threads.dumpAllThreads(false, false)) {
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu >= 0) {
                nanos.put(info.getThreadId(), cpu);
                isLoad.put(info.getThreadId(), scope.loadGeneratorThread().test(info.getThreadName()));
            }
        }
        return new Snapshot(scope, services, postgres, nanos, isLoad);
    }

    /**
     * The CPU of each component from {@code earlier} to {@code later}, and per share.
     *
     * @param shares the shares the stretch finished (accepted and carried to the end), at least 1
     */
    public static List<Row> between(Snapshot earlier, Snapshot later, long shares) {
        long n = Math.max(1, shares);
        List<Row> rows = new ArrayList<>();
        later.serviceTicks.forEach((name, ticks) ->
                rows.add(row(name, ProcStat.millis(ticks - earlier.serviceTicks.getOrDefault(name, 0L)), n)));
        long postgresTicks = 0;
        for (Map.Entry<Long, Long> p : later.postgresTicks.entrySet()) {
            postgresTicks += p.getValue() - earlier.postgresTicks.getOrDefault(p.getKey(), 0L);
        }
        rows.add(row("PostgreSQL (all its processes)", ProcStat.millis(postgresTicks), n));
        long load = 0;
        long rest = 0;
        for (Map.Entry<Long, Long> t : later.threadNanos.entrySet()) {
            long used = t.getValue() - earlier.threadNanos.getOrDefault(t.getKey(), 0L);
            if (later.threadIsLoad.getOrDefault(t.getKey(), false)) {
                load += used;
            } else {
                rest += used;
            }
        }
        rows.add(row("Kafka broker + SMTP server (bench JVM)", rest / 1e6, n));
        rows.add(row("load generator (bench JVM)", load / 1e6, n));
        return rows;
    }

    /** The rows without the load generator's: what the system itself spent. */
    public static double systemMillisPerShare(List<Row> rows) {
        return rows.stream().filter(r -> !r.component().startsWith("load generator"))
                .mapToDouble(Row::millisPerShare).sum();
    }

    /** A plain-text table of the rows, the system's total and the rate two cores allow at that cost. */
    public static String format(List<Row> rows, int cores) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-40s %10s %12s%n", "component", "CPU s", "CPU ms/share"));
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "%-40s %10.1f %12.2f%n", r.component(), r.cpuMillis() / 1000,
                    r.millisPerShare()));
        }
        double system = systemMillisPerShare(rows);
        out.append(String.format(Locale.ROOT, "%-40s %10s %12.2f%n", "system (without the load generator)", "", system));
        out.append(String.format(Locale.ROOT, "at that cost %d cores finish at most %.0f shares/s%n", cores,
                cores * 1000 / system));
        return out.toString();
    }

    private static Row row(String name, double millis, long shares) {
        return new Row(name, millis, millis / shares);
    }
}
