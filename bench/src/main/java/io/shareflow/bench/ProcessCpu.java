package io.shareflow.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.shareflow.bench.profile.ProcStat;

/**
 * CPU time used by this JVM (Kafka broker, producers and relay all run in it) and by the
 * PostgreSQL server processes, read from Linux's {@code /proc}. On two shared cores the sum of
 * both explains a throughput better than wall time alone; elsewhere it reads as unknown.
 */
final class ProcessCpu {

    private static final long TICKS_PER_SECOND = ProcStat.TICKS_PER_SECOND;

    private final long jvmTicks;
    /** Per PostgreSQL process, so that one that exits between two readings is not subtracted. */
    private final Map<Long, Long> postgresTicks;

    private ProcessCpu(long jvmTicks, Map<Long, Long> postgresTicks) {
        this.jvmTicks = jvmTicks;
        this.postgresTicks = postgresTicks;
    }

    static ProcessCpu now() {
        List<ProcStat> processes = ProcStat.all();
        if (processes.isEmpty()) {
            return new ProcessCpu(-1, Map.of());
        }
        long self = ProcessHandle.current().pid();
        long jvm = 0;
        Map<Long, Long> postgres = new HashMap<>();
        for (ProcStat process : processes) {
            if (process.pid() == self) {
                jvm = process.ticks();
            } else if (process.name().startsWith("postgres")) {
                postgres.put(process.pid(), process.ticks());
            }
        }
        return new ProcessCpu(jvm, postgres);
    }

    /** CPU used by each PostgreSQL process between {@code earlier} and this reading, in milliseconds. */
    Map<Long, Long> postgresMillisByPid(ProcessCpu earlier) {
        Map<Long, Long> used = new HashMap<>();
        postgresTicks.forEach((pid, ticks) ->
                used.put(pid, (ticks - earlier.postgresTicks.getOrDefault(pid, 0L)) * 1000 / TICKS_PER_SECOND));
        return used;
    }

    /**
     * CPU used between {@code earlier} and this reading, in milliseconds: {@code [jvm, postgres]},
     * or {@code null} if unknown. A PostgreSQL process that exited in between is not counted.
     */
    long[] millisSince(ProcessCpu earlier) {
        if (jvmTicks < 0 || earlier.jvmTicks < 0) {
            return null;
        }
        long postgres = postgresMillisByPid(earlier).values().stream().mapToLong(Long::longValue).sum();
        return new long[] {(jvmTicks - earlier.jvmTicks) * 1000 / TICKS_PER_SECOND, postgres};
    }
}
