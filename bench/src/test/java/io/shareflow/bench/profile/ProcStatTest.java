package io.shareflow.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ProcStatTest {

    @Test
    void fieldsAreCountedFromTheLastParenthesisSoANameWithSpacesAndParenthesesParses() {
        String line = "4711 (postgres: a (b) c) S 1 4711 4711 0 -1 4194560 500 0 0 0 250 125 0 0 20 0 1 0 100 0 0";

        ProcStat stat = ProcStat.parse(4711, line);

        assertThat(stat.name()).isEqualTo("postgres: a (b) c");
        assertThat(stat.parent()).isEqualTo(1);
        assertThat(stat.ticks()).isEqualTo(375);
    }

    @Test
    void thisProcessIsReadableOnLinux() {
        long self = ProcessHandle.current().pid();

        assertThat(ProcStat.of(self)).hasValueSatisfying(s -> assertThat(s.ticks()).isPositive());
        assertThat(ProcStat.all()).extracting(ProcStat::pid).contains(self);
    }

    @Test
    void theBudgetChargesEachComponentItsTicksAndTheTotalLeavesTheLoadGeneratorOut() {
        List<CpuBudget.Row> rows = List.of(new CpuBudget.Row("share-api", 4000, 4),
                new CpuBudget.Row("PostgreSQL (all its processes)", 10_000, 10),
                new CpuBudget.Row("load generator (bench JVM)", 2000, 2));

        assertThat(CpuBudget.systemMillisPerShare(rows)).isEqualTo(14.0);
        assertThat(CpuBudget.format(rows, 2)).contains("at most 143 shares/s");
    }

    @Test
    void aSnapshotPairCountsThisJvmsThreads() {
        CpuBudget.Scope scope = new CpuBudget.Scope(Map.of("self", ProcessHandle.current().pid()), -1,
                name -> name.equals(Thread.currentThread().getName()));
        CpuBudget.Snapshot before = CpuBudget.snapshot(scope);
        // Spins until this thread has used 200 ms of CPU, however busy the machine is.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long until = threads.getCurrentThreadCpuTime() + 200_000_000L;
        double x = 0;
        while (threads.getCurrentThreadCpuTime() < until) {
            x += Math.sqrt(x + 1);
        }
        List<CpuBudget.Row> rows = CpuBudget.between(before, CpuBudget.snapshot(scope), 10);

        assertThat(x).isPositive();
        assertThat(rows).filteredOn(r -> r.component().startsWith("load generator"))
                .singleElement().satisfies(r -> assertThat(r.cpuMillis()).isGreaterThanOrEqualTo(200));
        assertThat(rows).filteredOn(r -> r.component().equals("self"))
                .singleElement().satisfies(r -> assertThat(r.cpuMillis()).isGreaterThanOrEqualTo(190));
    }
}
