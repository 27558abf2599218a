package io.shareflow.support.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessMemoryMetricsTest {

    @TempDir
    Path dir;

    @Test
    void theGaugeIsVmRssInBytes() throws IOException {
        Path status = Files.writeString(dir.resolve("status"), """
                Name:\tjava
                VmPeak:\t 4200000 kB
                VmRSS:\t  301234 kB
                Threads:\t42
                """);
        MeterRegistry registry = new SimpleMeterRegistry();
        new ProcessMemoryMetrics(status).bindTo(registry);

        assertThat(registry.get(ProcessMemoryMetrics.NAME).gauge().value()).isEqualTo(301234 * 1024.0);
        assertThat(registry.get(ProcessMemoryMetrics.NAME).gauge().getId().getBaseUnit()).isEqualTo("bytes");
    }

    @Test
    void withoutProcThereIsNoGauge() {
        MeterRegistry registry = new SimpleMeterRegistry();
        new ProcessMemoryMetrics(dir.resolve("missing")).bindTo(registry);

        assertThat(registry.find(ProcessMemoryMetrics.NAME).gauge()).isNull();
    }

    @Test
    void thisProcessHasAnRssWhereThereIsProc() {
        if (Files.isReadable(Path.of("/proc/self/status"))) {
            assertThat(new ProcessMemoryMetrics().residentBytes()).isGreaterThan(10_000_000.0);
        }
    }
}
