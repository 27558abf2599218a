package io.shareflow.bench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.shareflow.bench.e2e.ResultTable.Met;
import io.shareflow.bench.profile.CpuBudget;
import io.shareflow.bench.profile.StatementProfile;
import io.shareflow.localstack.DemoData;
import io.shareflow.localstack.LocalStack;
import io.shareflow.localstack.LocalStackSettings;
import io.shareflow.localstack.ServiceProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The end-to-end benchmark of issue #14: starts the whole system (local-stack on free ports), warms it up, runs each
 * figure of the table with its baseline from the same run, and prints one table; writes
 * {@code <results>/<date>-e2e.json} and {@code .png}. Run: {@code ./mvnw -B -Pbench -DskipTests verify}
 * ({@code -Dbench.quick=true}: a smoke run of a few minutes). bench/README.md says what each row measures.
 */
public final class EndToEndBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LIMIT_VARIABLE = "SHAREFLOW_LIMITS_RECIPIENTS_PER_MINUTE";
    private static final List<String> SERVICES = List.of("share-api", "user-provisioner", "share-notifier");

    private final E2eSettings settings;
    private final AtomicLong sequences = new AtomicLong();
    private final ResultTable table = new ResultTable();
    private final Map<String, Object> json = new LinkedHashMap<>();
    private final Map<String, Object> parts = new LinkedHashMap<>();
    private final List<Chart.RatePoint> ratePoints = new ArrayList<>();
    private final List<String> cpuLines = new ArrayList<>();
    private List<ActivationSummary.SecondPoint> sustainedSeries = List.of();
    private double rawSmtpPerSecond = Double.NaN;

    private LocalStack stack;
    private List<Sharers.Sharer> sharers;
    private BaselineDatabase baseline;
    private Connection shareApiDb;

    private EndToEndBenchmark(E2eSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        int exit = 0;
        try {
            new EndToEndBenchmark(E2eSettings.fromSystemProperties()).run();
        } catch (Throwable e) {
            e.printStackTrace();
            exit = 1;
        }
        // The embedded broker's and services' threads would keep the JVM alive.
        System.exit(exit);
    }

    private void run() throws Exception {
        Instant started = Instant.now();
        System.out.printf(Locale.ROOT, "%nshareflow end-to-end benchmark (issue #14)%s: %d cores, Java %s, seed %d, "
                        + "%d sharers%n", settings.quick() ? " — QUICK smoke run, not the figures" : "",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), settings.seed(),
                settings.sharers());
        System.out.printf(Locale.ROOT, "share-api's per-user sharing limit RAISED for this run: %s=%d (default 600/min)"
                + ", so no request is refused by it; the load is spread over %d sharers too.%n", LIMIT_VARIABLE,
                settings.recipientsPerMinute(), settings.sharers());
        LocalStackSettings stackSettings = LocalStackSettings.onFreePorts(
                Map.of(LIMIT_VARIABLE, Integer.toString(settings.recipientsPerMinute())));
        System.out.println("Services' JVM options: " + String.join(" ", stackSettings.jvmOptions())
                + " (SHAREFLOW_SERVICE_JAVA_OPTS overrides)");
        System.out.println("Starting local-stack (data in " + stackSettings.dataDir() + ") ...");
        stack = new LocalStack(stackSettings);
        // A stopped benchmark (Ctrl-C, a killed build) must not leave the services and PostgreSQL running.
        Thread closeOnExit = new Thread(stack::close, "e2e-close-stack");
        Runtime.getRuntime().addShutdownHook(closeOnExit);
        try {
            stack.start();
            DemoData demo = stack.demo();
            sharers = Sharers.mint(demo, stackSettings.jwtTokens(), settings.sharers(), settings.seed());
            shareApiDb = stack.postgres().dataSource("share_api").getConnection();
            baseline = BaselineDatabase.create(stack, settings.apiPoolSize());
            System.out.printf(Locale.ROOT, "Up in %.0f s.%n", Duration.between(started, Instant.now()).toMillis() / 1e3);

            warmUp();
            profile();
            sustained();
            capacity();
            synchronousDesign();
            notifierSendRate();
            outboxDrain();
            acceptRate();
        } finally {
            if (baseline != null) {
                baseline.close();
            }
            if (shareApiDb != null) {
                shareApiDb.close();
            }
            stack.close();
            Runtime.getRuntime().removeShutdownHook(closeOnExit);
        }
        report(started);
    }

    // ---- parts ----

    /**
     * The raw transaction replays share-api's statements: both counted by pg_stat_statements over the same number of
     * shares. Run while user-provisioner and share-notifier are stopped, so share-api's database runs little else.
     */
    private void statementCheck() throws Exception {
        Target api = api("check");
        Target raw = baseline.target(raw("check"));
        int shares = 20;
        StatementCheck.Result check = StatementCheck.run(stack.postgres().adminDataSource(), "share_api",
                BaselineDatabase.NAME, shares, () -> call(api), () -> call(raw));
        System.out.printf(Locale.ROOT, "Statement check (pg_stat_statements, %d shares each way): the raw JDBC "
                + "transaction's statements %s share-api's%n", shares, check.same() ? "ARE" : "are NOT");
        System.out.println("  raw transaction (its own database) → calls in share-api's database:");
        check.raw().forEach((statement, calls) -> System.out.printf(Locale.ROOT, "    %4d → %4d  %s%n", calls,
                check.api().get(statement), StatementCheck.lines(Map.of(statement, calls)).get(0).substring(6)));
        System.out.println("  share-api's other statements run at least once per share (its relay, or what the raw "
                + "one misses):");
        StatementCheck.lines(check.extra()).forEach(line -> System.out.println("    " + line));
        parts.put("statementCheck", Map.of("same", check.same(), "shares", shares, "raw", check.raw(),
                "shareApi", check.api(), "shareApiExtra", check.extra()));
    }

    private void call(Target target) {
        try {
            int status = target.call(sequences.incrementAndGet());
            if (status != 202) {
                throw new IllegalStateException("A share answered " + status + ", not 202");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void warmUp() throws Exception {
        LoadResult load = OpenLoopLoad.run("warm-up", api("warmup"),
                new OpenLoopSchedule(settings.warmUpRate(), settings.warmUp()), sequences::incrementAndGet);
        describe(load);
        // The raw transaction's JIT and pool, so that its first measured second is not its slowest.
        describe(ClosedLoopLoad.run("warm-up raw JDBC", baseline.target(raw("warmup-raw")), 8,
                Duration.ofSeconds(settings.quick() ? 2 : 5), sequences::incrementAndGet));
        awaitPipelineDrained("warm-up");
        parts.put("warmUp", loadJson(load));
    }

    /**
     * Where the time of one share goes: a load the system keeps up with (open-loop, new recipients), carried until
     * every share of it is ACTIVE, with the CPU of every process and thread counted from its start to that end and
     * PostgreSQL's statements counted by pg_stat_statements. Per share, this is the budget that caps the pipeline on
     * this machine whatever the code does with its threads: the cores' CPU-ms per second over the CPU-ms of a share.
     */
    private void profile() throws Exception {
        String part = "profile";
        StatementProfile statements = new StatementProfile(stack.postgres().adminDataSource());
        statements.reset();
        CpuBudget.Scope scope = new CpuBudget.Scope(servicePids(), postmasterPid(),
                name -> name.startsWith("loadgen") || name.startsWith("HttpClient-"));
        CpuBudget.Snapshot before = CpuBudget.snapshot(scope);
        LoadResult load = OpenLoopLoad.run("profile", api(part),
                new OpenLoopSchedule(settings.profileRate(), settings.profile()), sequences::incrementAndGet);
        describe(load);
        long deadline = System.nanoTime() + settings.drainWait().toNanos();
        while (Activations.notActive(shareApiDb, part) > 0 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        List<CpuBudget.Row> cpu = CpuBudget.between(before, CpuBudget.snapshot(scope), load.accepted());
        List<StatementProfile.Row> top = statements.top(15, load.accepted());
        double perShare = CpuBudget.systemMillisPerShare(cpu);
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "%nWhere one share's time goes (%d shares at %.0f/s open-loop, CPU from the "
                + "first request until the last of them was ACTIVE):%n", load.accepted(), settings.profileRate());
        System.out.print(CpuBudget.format(cpu, cores));
        System.out.printf(Locale.ROOT, "PostgreSQL: %.1f statements per share in all; the 15 that took the most time "
                + "(lock waits included):%n", statements.statementsPerShare(load.accepted()));
        System.out.println(StatementProfile.format(top));
        table.add(String.format(Locale.ROOT, "CPU per share, whole system (%.0f/s, until ACTIVE)",
                        settings.profileRate()),
                String.format(Locale.ROOT, "%.1f CPU-ms/share (%s)", perShare, componentsText(cpu)),
                String.format(Locale.ROOT, "%d cores = %d CPU-ms/s: at most %.0f shares/s", cores, cores * 1000,
                        cores * 1000 / perShare),
                String.format(Locale.ROOT, "%.2f× of 300/s", cores * 1000 / perShare / 300),
                "(explains the rest)", Met.UNKNOWN);
        Map<String, Object> out = loadJson(load);
        out.put("cpuPerShare", cpu);
        out.put("systemCpuMillisPerShare", perShare);
        out.put("statementsPerShare", statements.statementsPerShare(load.accepted()));
        out.put("topStatements", top);
        parts.put("profile", out);
        awaitPipelineDrained(part);
    }

    /** The first line of PostgreSQL's {@code postmaster.pid} in its data directory. */
    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(stack.postgres().dataDir().resolve("postmaster.pid")).get(0).strip());
    }

    private Map<String, Long> servicePids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        SERVICES.forEach(name -> pids.put(name, stack.service(name).pid()));
        return pids;
    }

    private static String componentsText(List<CpuBudget.Row> rows) {
        return rows.stream().filter(r -> !r.component().startsWith("load generator"))
                .map(r -> String.format(Locale.ROOT, "%s %.1f", r.component().replaceAll(" \\(.*\\)", ""),
                        r.millisPerShare()))
                .reduce((a, b) -> a + ", " + b).orElse("");
    }

    /** 300 shares/s open-loop: the API's answers, then createdAt → ACTIVE of every share from the databases. */
    private void sustained() throws Exception {
        stack.mail().clear();
        String part = "e2e" + (int) settings.sustainedRate();
        LoadResult load = OpenLoopLoad.run("sustained " + part, api(part),
                new OpenLoopSchedule(settings.sustainedRate(), settings.sustained()), sequences::incrementAndGet);
        Map<String, Double> rss = rss();
        describe(load);
        // Until every share of the part is ACTIVE, or the wait is over.
        long deadline = System.nanoTime() + settings.drainWait().toNanos();
        while (Activations.notActive(shareApiDb, part) > 0 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(250);
        }
        Instant asked = Instant.now();
        ActivationSummary activation = ActivationSummary.of(Activations.of(stack.postgres().dataSource("share_api"), part),
                load.start(), load.end(), asked);
        // Not a point of the rate chart: the capacity step at the same rate is, and two points at one offered rate
        // drew a vertical line there. This run's own chart is its createdAt -> ACTIVE p99 over time.
        sustainedSeries = activation.perSecond();

        String window = settings.sustained().toSeconds() + " s";
        table.add(String.format(Locale.ROOT, "API at %.0f shares/s open-loop, %s: 202/s, p50/p99 from the scheduled "
                        + "time", load.offeredPerSecond(), window),
                String.format(Locale.ROOT, "%.0f/s, %s%s", load.acceptedPerSecond(), p50p99(load.latency()),
                        errorsText(load)), "—", "—", "all 202, at ≥ 95 % of the rate",
                Met.of(load.errors().isEmpty() && load.acceptedPerSecond() >= 0.95 * load.offeredPerSecond()));
        double p99 = activation.latency().millis(99);
        table.add(String.format(Locale.ROOT, "createdAt → ACTIVE p50/p99 at %.0f/s open-loop, %s (%d shares)",
                        settings.sustainedRate(), window, activation.shares()),
                p50p99(activation.latency()), "—", "—", "p99 ≤ 250 ms", Met.of(p99 <= 250 && activation.shares() > 0));
        boolean allActive = activation.allActiveWithin(settings.activeWithin());
        table.add("every share ACTIVE within " + settings.activeWithin().toSeconds() + " s of the load's end",
                activation.active() == activation.shares()
                        ? String.format(Locale.ROOT, "all ACTIVE, the last %.1f s after the end",
                        activation.lastActiveAfterEnd().toMillis() / 1e3)
                        : String.format(Locale.ROOT, "no: %d of %d not ACTIVE %.0f s after the end",
                        activation.shares() - activation.active(), activation.shares(),
                        Duration.between(load.end(), asked).toMillis() / 1e3),
                "—", "—", "all, ≤ " + settings.activeWithin().toSeconds() + " s", Met.of(allActive));
        List<String> jvm = stack.settings().jvmOptions();
        rss.forEach((service, mb) -> table.add("RSS " + service + " at the end of the sustained run",
                mb < 0 ? "unknown" : String.format(Locale.ROOT, "%.0f MB", mb), "—", "—", "≤ 300 MB",
                mb < 0 ? Met.UNKNOWN : Met.of(mb <= 300)));

        Map<String, Object> out = loadJson(load);
        out.put("createdToActive", latencyJson(activation.latency()));
        out.put("shares", activation.shares());
        out.put("active", activation.active());
        out.put("lastActiveAfterEndMillis", activation.lastActiveAfterEnd() == null ? null
                : activation.lastActiveAfterEnd().toMillis());
        out.put("allActiveWithin5s", allActive);
        out.put("p99PerSecond", activation.perSecond());
        out.put("rssMegabytes", rss);
        out.put("serviceJvmOptions", jvm);
        parts.put("sustained", out);
        awaitPipelineDrained(part);
    }

    /** Steps of offered rate until one does not keep up; the highest flat one is the pipeline's capacity. */
    private void capacity() throws Exception {
        CapacityCriterion criterion = CapacityCriterion.DEFAULT;
        List<CapacityStep> steps = new ArrayList<>();
        List<Map<String, Object>> stepsJson = new ArrayList<>();
        double capacity = 0;
        boolean allFlatSoFar = true;
        for (double rate : settings.capacitySteps()) {
            stack.mail().clear();
            String part = "cap" + (int) rate;
            CapacityStep step = CapacityStep.run(rate, settings.capacityStep(), api(part), part, shareApiDb,
                    sequences::incrementAndGet, criterion, settings.drainWait());
            steps.add(step);
            describe(step.load());
            System.out.printf(Locale.ROOT, "  step %.0f/s: backlog slope %.1f shares/s (limit %.1f), drained %s after "
                            + "the end: %s%n", rate, step.verdict().slopePerSecond(),
                    criterion.maxSlopeFraction() * rate, step.drainedAfter() == null ? "NOT within "
                            + settings.drainWait().toSeconds() + " s" : step.drainedAfter().toMillis() / 1e3 + " s",
                    step.verdict().flat() ? "flat" : "NOT flat");
            ratePoints.add(new Chart.RatePoint(rate, step.load().acceptedPerSecond(), step.activePerSecond(),
                    step.load().latency().millis(99)));
            Map<String, Object> j = loadJson(step.load());
            j.put("backlog", step.backlog());
            j.put("slopePerSecond", step.verdict().slopePerSecond());
            j.put("drainedAfterMillis", step.drainedAfter() == null ? null : step.drainedAfter().toMillis());
            j.put("flat", step.verdict().flat());
            j.put("activePerSecond", step.activePerSecond());
            stepsJson.add(j);
            if (step.verdict().flat() && allFlatSoFar) {
                capacity = rate;
            } else {
                allFlatSoFar = false;
                break; // higher steps would only pile up more; the backlog must drain first anyway
            }
        }
        awaitPipelineDrained("capacity");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("criterion", Map.of("fitFraction", criterion.fitFraction(), "maxSlopeFractionOfOffered",
                criterion.maxSlopeFraction(), "drainWithinSeconds", criterion.drainWithin().toSeconds()));
        out.put("stepSeconds", settings.capacityStep().toSeconds());
        out.put("steps", stepsJson);
        out.put("capacityPerSecond", capacity);
        parts.put("capacity", out);
        this.capacity = capacity;
        this.capacitySteps = steps;
    }

    private double capacity;
    private List<CapacityStep> capacitySteps = List.of();

    /** API p99 at 100/s open-loop against the synchronous design's two ways to send, offered the same. */
    private void synchronousDesign() throws Exception {
        OpenLoopSchedule schedule = new OpenLoopSchedule(settings.synchronousRate(), settings.synchronousLoad());
        LoadResult api = OpenLoopLoad.run("API at " + (int) settings.synchronousRate() + "/s",
                api("api" + (int) settings.synchronousRate()), schedule, sequences::incrementAndGet);
        describe(api);
        ratePoints.add(new Chart.RatePoint(api.offeredPerSecond(), api.acceptedPerSecond(), Double.NaN,
                api.latency().millis(99)));
        LoadResult perMessage = synchronous(false, schedule);
        LoadResult pooled = synchronous(true, schedule);
        String figure = String.format(Locale.ROOT, "API p99 at %.0f shares/s open-loop, %d s",
                settings.synchronousRate(), settings.synchronousLoad().toSeconds());
        if (pooled == null || perMessage == null) {
            table.add(figure, p50p99(api.latency()), "synchronous design: n/a (not measured, see above)",
                    "—", "≤ 0.1× the pooled one", Met.UNKNOWN);
        } else {
            double ratio = api.latency().millis(99) / pooled.latency().millis(99);
            table.add(figure, String.format(Locale.ROOT, "p99 %.1f ms", api.latency().millis(99)),
                    String.format(Locale.ROOT, "sync, pooled SMTP: p99 %.1f ms%s", pooled.latency().millis(99),
                            errorsText(pooled)),
                    String.format(Locale.ROOT, "%.2f×", ratio), "≤ 0.1× the pooled one",
                    measured(pooled) ? Met.of(ratio <= 0.1 && api.errors().isEmpty()) : Met.UNKNOWN);
            table.add(figure + " vs a connection per message", String.format(Locale.ROOT, "p99 %.1f ms",
                            api.latency().millis(99)),
                    String.format(Locale.ROOT, "sync, JavaMailSender per message: p99 %.1f ms%s",
                            perMessage.latency().millis(99), errorsText(perMessage)),
                    String.format(Locale.ROOT, "%.3f×", api.latency().millis(99) / perMessage.latency().millis(99)),
                    "(no target)", Met.UNKNOWN);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("api", loadJson(api));
        out.put("synchronousPerMessage", perMessage == null ? "not measured" : loadJson(perMessage));
        out.put("synchronousPooled", pooled == null ? "not measured" : loadJson(pooled));
        parts.put("synchronousDesign", out);
        awaitPipelineDrained("API at 100/s");
    }

    private LoadResult synchronous(boolean pooled, OpenLoopSchedule schedule) throws Exception {
        String name = pooled ? "sync-pooled" : "sync-per-message";
        Baselines.SynchronousServer server;
        try {
            server = Baselines.synchronousDesign(baseline.pool(), raw(name), "localhost", stack.mail().smtpPort(),
                    pooled);
        } catch (RuntimeException e) {
            System.out.println("  " + name + ": not measured: " + e);
            return null;
        }
        try (server) {
            LoadResult load = OpenLoopLoad.run(name, HttpTarget.plain(server.uri(), name), schedule,
                    sequences::incrementAndGet);
            describe(load);
            return load;
        }
    }

    /** The notifier's steady send rate against the raw SMTP loop over the same messages (helper smtp's). */
    private void notifierSendRate() throws Exception {
        stack.mail().clear();
        Target api = api("notifier");
        Baselines.SendRates rates;
        try {
            // Returns once the share is accepted, as measure() expects; anything but 202 fails the measurement.
            rates = Baselines.notifierSendRate(stack, ignored -> call(api), settings.notifierShares());
        } catch (RuntimeException e) {
            System.out.println("  notifier send rate: not measured: " + e);
            e.printStackTrace(System.out);
            table.add("notifier send rate to the local SMTP server", "n/a", "raw jakarta.mail loop: n/a ("
                    + e.getMessage() + ")", "—", "≥ 0.8×", Met.UNKNOWN);
            if (!stack.service("share-notifier").isAlive()) {
                stack.service("share-notifier").start().awaitHealthy(Duration.ofMinutes(2));
            }
            capacityRow();
            parts.put("notifierSendRate", "not measured: " + e);
            return;
        }
        rawSmtpPerSecond = rates.rawPerSecond();
        table.add("notifier send rate to the local SMTP server (" + rates.notifierCount() + " e-mails)",
                String.format(Locale.ROOT, "%.0f e-mails/s", rates.notifierPerSecond()),
                String.format(Locale.ROOT, "raw jakarta.mail loop, one connection: %.0f e-mails/s", rates.rawPerSecond()),
                String.format(Locale.ROOT, "%.2f×", rates.ratio()), "≥ 0.8×",
                rates.rawPerSecond() > 0 && rates.rawCount() > 0 ? Met.of(rates.ratio() >= 0.8) : Met.UNKNOWN);
        capacityRow();
        parts.put("notifierSendRate", rates);
        awaitPipelineDrained("notifier send rate");
    }

    /** After the notifier's part: the capacity's baseline is the raw SMTP loop measured there. */
    private void capacityRow() {
        String steps = capacitySteps.stream().map(s -> String.format(Locale.ROOT, "%.0f%s", s.offered(),
                s.verdict().flat() ? " flat" : " not flat")).reduce((a, b) -> a + ", " + b).orElse("none");
        String figure = String.format(Locale.ROOT, "pipeline capacity: highest offered rate with a flat backlog "
                + "for %d s", settings.capacityStep().toSeconds());
        String measured = String.format(Locale.ROOT, "%.0f shares/s (%s)", capacity, steps);
        if (Double.isNaN(rawSmtpPerSecond)) {
            table.add(figure, measured, "raw SMTP loop: n/a (see the notifier row)", "—",
                    "≥ 450 shares/s", Met.of(capacity >= 450));
        } else {
            double rawShares = rawSmtpPerSecond / 2;
            table.add(figure, measured, String.format(Locale.ROOT, "raw SMTP loop %.0f e-mails/s = %.0f shares/s "
                    + "(2 e-mails each)", rawSmtpPerSecond, rawShares),
                    String.format(Locale.ROOT, "%.2f×", capacity / rawShares), "≥ 450 shares/s",
                    Met.of(capacity >= 450));
        }
    }

    /**
     * The outbox drain is today's OutboxBenchmark, its own execution before this one in the same command: its
     * result file is read here, not measured again.
     */
    private void outboxDrain() {
        Path file = settings.results().resolve(LocalDate.now(ZoneOffset.UTC) + "-outbox.json");
        String figure = "outbox drain (OutboxBenchmark, same command)";
        if (!Files.isRegularFile(file)) {
            table.add(figure, "n/a (no " + file + ")", "raw KafkaProducer loop", "—", "≥ 20,000/s", Met.UNKNOWN);
            return;
        }
        try {
            JsonNode result = JSON.readTree(file.toFile());
            double relay = result.path("relayPerSecond").asDouble();
            double raw = result.path("rawProducerPerSecond").asDouble();
            table.add(figure, String.format(Locale.ROOT, "%,.0f events/s", relay),
                    String.format(Locale.ROOT, "raw KafkaProducer loop %,.0f events/s", raw),
                    String.format(Locale.ROOT, "%.2f×", relay / raw), "≥ 20,000/s", Met.of(relay >= 20_000));
            parts.put("outboxDrain", result);
        } catch (RuntimeException e) {
            table.add(figure, "n/a (" + e.getMessage() + ")", "—", "—", "≥ 20,000/s", Met.UNKNOWN);
        }
    }

    /**
     * Closed-loop accept rate at each concurrency against the raw JDBC transaction on a pool of share-api's size.
     * Last, and with user-provisioner and share-notifier stopped: what the API accepts at these rates would keep the
     * pipeline busy for minutes, and the two sides must not differ by a pipeline draining behind one of them.
     */
    private void acceptRate() throws Exception {
        for (String name : List.of("user-provisioner", "share-notifier")) {
            stop(stack.service(name));
        }
        System.out.println("user-provisioner and share-notifier stopped for the closed-loop part.");
        statementCheck();
        List<Map<String, Object>> out = new ArrayList<>();
        for (int clients : settings.clients()) {
            LoadResult api = ClosedLoopLoad.run("API, " + clients + " clients", api("api-c" + clients), clients,
                    settings.closedLoop(), sequences::incrementAndGet);
            describe(api);
            LoadResult raw = ClosedLoopLoad.run("raw JDBC, " + clients + " clients",
                    baseline.target(raw("raw-c" + clients)), clients, settings.closedLoop(), sequences::incrementAndGet);
            describe(raw);
            double ratio = api.acceptedPerSecond() / raw.acceptedPerSecond();
            table.add(String.format(Locale.ROOT, "API accept rate, %d clients closed-loop, %d s", clients,
                            settings.closedLoop().toSeconds()),
                    String.format(Locale.ROOT, "%.0f/s, %s%s", api.acceptedPerSecond(), p50p99(api.latency()),
                            errorsText(api)),
                    String.format(Locale.ROOT, "raw JDBC %.0f/s, %s%s", raw.acceptedPerSecond(), p50p99(raw.latency()),
                            errorsText(raw)),
                    String.format(Locale.ROOT, "%.2f×", ratio), "≥ 0.8×",
                    measured(raw) ? Met.of(ratio >= 0.8) : Met.UNKNOWN);
            out.add(Map.of("clients", clients, "api", loadJson(api), "rawJdbc", loadJson(raw)));
        }
        parts.put("acceptRate", Map.of("rawPoolSize", settings.apiPoolSize(), "loads", out));
    }

    // ---- report ----

    private void report(Instant started) throws Exception {
        System.out.println();
        System.out.println("Load generator CPU (its own threads; the broker and mail server share this JVM):");
        cpuLines.forEach(line -> System.out.println("  " + line));
        System.out.println();
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        System.out.printf(Locale.ROOT, "shareflow end-to-end, %s, %d cores%s — every baseline from this run:%n%n", date,
                Runtime.getRuntime().availableProcessors(), settings.quick() ? ", QUICK smoke run" : "");
        System.out.print(table.format());
        System.out.println();

        json.put("date", date);
        json.put("quick", settings.quick());
        json.put("cores", Runtime.getRuntime().availableProcessors());
        json.put("java", System.getProperty("java.version"));
        json.put("seed", settings.seed());
        json.put("sharers", settings.sharers());
        json.put(LIMIT_VARIABLE, settings.recipientsPerMinute());
        json.put("durationSeconds", Duration.between(started, Instant.now()).toSeconds());
        json.put("table", table.rows());
        json.put("parts", parts);
        json.put("loadGeneratorCpu", cpuLines);
        Files.createDirectories(settings.results());
        String stem = date + "-e2e" + (settings.quick() ? "-quick" : "");
        Path jsonFile = settings.results().resolve(stem + ".json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(jsonFile.toFile(), json);
        Path png = settings.results().resolve(stem + ".png");
        ratePoints.sort(java.util.Comparator.comparingDouble(Chart.RatePoint::offered));
        Chart.write(png, ratePoints, sustainedSeries, "shareflow " + date);
        System.out.println("Results: " + jsonFile + ", " + png);
    }

    // ---- helpers ----

    private Target api(String part) {
        return HttpTarget.shareApi(stack.settings().shareApiUrl(), stack.demo().maintenanceLogId(),
                Sharers.tokens(sharers), part);
    }

    private RawShareTransaction raw(String part) throws SQLException {
        return new RawShareTransaction(resource(), sharers, stack.settings().sealKey(),
                stack.settings().shareApiUrl(), settings.recipientsPerMinute(), part);
    }

    private RawShareTransaction.SharedResource resource() throws SQLException {
        try (var s = shareApiDb.prepareStatement(
                "select id, organization_id, name, kind, document_type from resource where id = ?")) {
            s.setObject(1, stack.demo().maintenanceLogId());
            try (var rs = s.executeQuery()) {
                rs.next();
                return new RawShareTransaction.SharedResource(rs.getObject(1, java.util.UUID.class),
                        rs.getObject(2, java.util.UUID.class), rs.getString(3), rs.getString(4), rs.getString(5));
            }
        }
    }

    /** Waits (at most the drain wait) until no share is PENDING, so the next part starts on an idle pipeline. */
    private void awaitPipelineDrained(String after) throws Exception {
        long started = System.nanoTime();
        long deadline = started + settings.drainWait().toNanos();
        long pending = Activations.pending(shareApiDb);
        while (pending > 0 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(500);
            pending = Activations.pending(shareApiDb);
        }
        if (pending > 0) {
            System.out.printf(Locale.ROOT, "  after %s: %d shares still PENDING after %d s; the next part starts with "
                    + "them in the pipeline%n", after, pending, settings.drainWait().toSeconds());
        }
    }

    private Map<String, Double> rss() {
        Map<String, Double> rss = new LinkedHashMap<>();
        for (String service : SERVICES) {
            ServiceProcess process = stack.service(service);
            rss.put(service, process.isAlive() ? Rss.megabytes(process.pid()) : -1);
        }
        return rss;
    }

    private static void stop(ServiceProcess service) throws InterruptedException {
        service.requestStop();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (service.isAlive() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        if (service.isAlive()) {
            service.kill();
        }
    }

    private void describe(LoadResult load) {
        String offered = Double.isNaN(load.offeredPerSecond()) ? load.clients() + " clients closed-loop"
                : String.format(Locale.ROOT, "%.0f/s offered open-loop", load.offeredPerSecond());
        System.out.printf(Locale.ROOT, "%-28s %s, %.1f s: %d sent, %.0f 202/s, %s, max %.1f ms%s%n", load.name(),
                offered, load.elapsed().toMillis() / 1e3, load.sent(), load.acceptedPerSecond(),
                p50p99(load.latency()), load.latency().maxMillis(), errorsText(load));
        cpuLines.add(String.format(Locale.ROOT, "%-28s %.1f CPU s over %.1f s (%.0f %% of one core)", load.name(),
                load.cpuSeconds(), load.elapsed().toMillis() / 1e3,
                100 * load.cpuSeconds() / (load.elapsed().toMillis() / 1e3)));
    }

    /** A baseline counts only when it measured something and nothing of it failed: else its ratio would mislead. */
    private static boolean measured(LoadResult baseline) {
        return baseline.acceptedPerSecond() > 0 && baseline.errors().isEmpty();
    }

    private static String p50p99(Latency latency) {
        return String.format(Locale.ROOT, "p50 %.1f / p99 %.1f ms", latency.millis(50), latency.millis(99));
    }

    private static String errorsText(LoadResult load) {
        Map<Integer, Long> errors = load.errors();
        if (errors.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("; errors");
        errors.forEach((status, n) -> text.append(' ').append(status == 0 ? "no-answer" : status).append('×').append(n));
        return text.toString();
    }

    private static Map<String, Object> loadJson(LoadResult load) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", load.name());
        out.put("offeredPerSecond", Double.isNaN(load.offeredPerSecond()) ? null : load.offeredPerSecond());
        out.put("clients", load.clients());
        out.put("elapsedSeconds", load.elapsed().toMillis() / 1e3);
        out.put("statuses", load.statuses());
        out.put("acceptedPerSecond", load.acceptedPerSecond());
        out.put("latency", latencyJson(load.latency()));
        out.put("loadGeneratorCpuSeconds", load.cpuSeconds());
        return out;
    }

    private static Map<String, Object> latencyJson(Latency latency) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", latency.count());
        out.put("p50Millis", latency.millis(50));
        out.put("p90Millis", latency.millis(90));
        out.put("p99Millis", latency.millis(99));
        out.put("p999Millis", latency.millis(99.9));
        out.put("maxMillis", latency.maxMillis());
        return out;
    }
}
