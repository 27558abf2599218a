package io.shareflow.bench.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Offers a {@link Target} requests on an {@link OpenLoopSchedule} from one scheduler thread, never waiting for an
 * answer, and counts each request's latency from its due time. Runs in the background, so the capacity steps can
 * watch the accepted count grow while it runs.
 */
final class OpenLoopLoad {

    /** How long the answers still in flight at the end may take before they count as no answer. */
    private static final Duration LAST_ANSWERS = Duration.ofSeconds(45);

    private final String name;
    private final Target target;
    private final OpenLoopSchedule schedule;
    private final LongSupplier sequences;
    private final Latency latency = new Latency();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final LongAdder accepted = new LongAdder();
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicLong lastAnswer = new AtomicLong();
    private final CountDownLatch scheduled = new CountDownLatch(1);
    private final DoubleAdder cpu = new DoubleAdder();
    /** The HTTP client's threads are shared by every load: their CPU counts from this load's start. */
    private final double httpCpuAtStart = LoadGeneratorCpu.httpClientSeconds();
    private volatile Instant start;
    private volatile Instant end;
    private volatile long elapsedNanos;
    private Thread scheduler;

    private OpenLoopLoad(String name, Target target, OpenLoopSchedule schedule, LongSupplier sequences) {
        this.name = name;
        this.target = target;
        this.schedule = schedule;
        this.sequences = sequences;
    }

    static OpenLoopLoad start(String name, Target target, OpenLoopSchedule schedule, LongSupplier sequences) {
        OpenLoopLoad load = new OpenLoopLoad(name, target, schedule, sequences);
        load.scheduler = new Thread(load::offer, "loadgen-schedule");
        load.scheduler.setDaemon(true);
        load.scheduler.start();
        return load;
    }

    /** Starts, waits for the end and the last answers. */
    static LoadResult run(String name, Target target, OpenLoopSchedule schedule, LongSupplier sequences)
            throws InterruptedException {
        return start(name, target, schedule, sequences).await();
    }

    private void offer() {
        double cpuBefore = LoadGeneratorCpu.currentThreadSeconds();
        long count = schedule.count();
        start = Instant.now();
        long origin = System.nanoTime();
        for (long i = 0; i < count; i++) {
            long due = origin + schedule.dueNanos(i);
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            inFlight.incrementAndGet();
            target.send(sequences.getAsLong()).whenComplete((status, error) -> {
                long now = System.nanoTime();
                latency.recordNanos(now - due);
                lastAnswer.accumulateAndGet(now - origin, Math::max);
                int code = error != null || status == null ? 0 : status;
                statuses.computeIfAbsent(code, c -> new LongAdder()).increment();
                if (code == 202) {
                    accepted.increment();
                }
                inFlight.decrementAndGet();
            });
        }
        elapsedNanos = Math.max(1, schedule.dueNanos(count));
        end = start.plusNanos(elapsedNanos);
        cpu.add(LoadGeneratorCpu.currentThreadSeconds() - cpuBefore);
        scheduled.countDown();
    }

    /** 202s so far. */
    long acceptedSoFar() {
        return accepted.sum();
    }

    LoadResult await() throws InterruptedException {
        scheduled.await();
        long deadline = System.nanoTime() + LAST_ANSWERS.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((status, n) -> counts.put(status, n.sum()));
        if (inFlight.get() > 0) {
            counts.merge(0, inFlight.get(), Long::sum);
        }
        double cpuSeconds = cpu.sum() + LoadGeneratorCpu.httpClientSeconds() - httpCpuAtStart;
        return new LoadResult(name, schedule.perSecond(), 0, counts, latency, start, end,
                Duration.ofNanos(elapsedNanos), Duration.ofNanos(lastAnswer.get()), cpuSeconds);
    }
}
