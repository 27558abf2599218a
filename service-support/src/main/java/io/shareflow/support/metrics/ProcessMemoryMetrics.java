package io.shareflow.support.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Gauge {@code process.memory.rss} (Prometheus {@code process_memory_rss_bytes}): the resident set size of the
 * service's process, read from {@code /proc/self/status} on each scrape. The JVM's own meters stop at heap and
 * non-heap pools; the memory budget (README "Memory") is the process's RSS, which also holds metaspace, code,
 * thread stacks and malloc arenas. Not registered where there is no {@code /proc} (not Linux).
 */
final class ProcessMemoryMetrics implements MeterBinder {

    static final String NAME = "process.memory.rss";

    private final Path status;

    ProcessMemoryMetrics() {
        this(Path.of("/proc/self/status"));
    }

    ProcessMemoryMetrics(Path status) {
        this.status = status;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        if (Double.isNaN(residentBytes())) {
            return;
        }
        Gauge.builder(NAME, this, ProcessMemoryMetrics::residentBytes)
                .description("Resident set size of the process (VmRSS of /proc/self/status)")
                .baseUnit(BaseUnits.BYTES)
                .register(registry);
    }

    /** {@code VmRSS:   123456 kB} in bytes; NaN when the file or the line is missing. */
    double residentBytes() {
        try {
            List<String> lines = Files.readAllLines(status);
            for (String line : lines) {
                if (line.startsWith("VmRSS:")) {
                    String[] fields = line.substring("VmRSS:".length()).trim().split("\\s+");
                    return Long.parseLong(fields[0]) * 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc here, or a format this reader does not know: no value rather than a wrong one
        }
        return Double.NaN;
    }
}
