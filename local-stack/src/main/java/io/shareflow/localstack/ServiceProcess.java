package io.shareflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service run as {@code java -jar <service>/target/<service>.jar} in a child process,
 * configured only by environment variables, with its output in {@code <data>/logs/<service>.log}.
 * It can be killed ({@code kill -9}) and started again on the same port and database: the fault tests and the
 * benchmark use that, and its pid (for its memory).
 */
public final class ServiceProcess {

    /**
     * The JVM options of every service: a small heap (the services' working sets are a few tens of MB) and the
     * serial collector, which keeps the resident set near the heap on 2 cores; the C library's heap trimmed every
     * 5 s, because the JIT compiler's arenas and the start-up's class loading leave some 30 MB freed but held by
     * malloc (measured on share-api after load: 313 MB -> 281 MB at one trim); override with
     * {@code SHAREFLOW_SERVICE_JAVA_OPTS}.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xms64m", "-Xmx160m", "-XX:+UseSerialGC",
            "-XX:MaxMetaspaceSize=160m", "-XX:ReservedCodeCacheSize=64m", "-Xss512k",
            "-XX:MaxDirectMemorySize=64m", "-XX:TrimNativeHeapInterval=5000");

    private static final String TRIM_OPTION = "-XX:TrimNativeHeapInterval=";

    /**
     * {@link #DEFAULT_JVM_OPTIONS} as a JVM of that version accepts them: the heap trim is a product option of Java
     * 17.0.12 and later updates of 17, and of 22 and later (older ones refuse to start with it: unknown, or
     * experimental), so it is left out there.
     */
    public static List<String> defaultJvmOptionsFor(Runtime.Version version) {
        boolean trims = version.feature() >= 22
                || version.feature() == 17 && version.compareToIgnoreOptional(Runtime.Version.parse("17.0.12")) >= 0;
        return trims ? DEFAULT_JVM_OPTIONS
                : DEFAULT_JVM_OPTIONS.stream().filter(option -> !option.startsWith(TRIM_OPTION)).toList();
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path jar;
    private final Path log;
    private final Map<String, String> env;
    private final List<String> jvmOptions;
    private volatile Process process;

    ServiceProcess(String name, int port, Path home, Path logDir, Map<String, String> env, List<String> jvmOptions) {
        this(name, name, port, home, logDir, env, jvmOptions);
    }

    /**
     * One of several instances of a service (the drill harness runs two of each), logging to
     * {@code <logDir>/<instance>.log}.
     *
     * @param name     the service: its jar is {@code <home>/<name>/target/<name>.jar}
     * @param instance this instance's name, e.g. {@code share-api-2}
     * @param env      the whole environment it adds to this JVM's (see {@link LocalStack#serviceEnvironment})
     */
    public ServiceProcess(String name, String instance, int port, Path home, Path logDir, Map<String, String> env,
                          List<String> jvmOptions) {
        this.name = instance;
        this.port = port;
        this.jar = home.resolve(name).resolve("target").resolve(name + ".jar");
        this.log = logDir.resolve(instance + ".log");
        this.env = env;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** Starts the process (again, after {@link #kill()} or a stop), appending to its log. */
    public synchronized ServiceProcess start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -B package -DskipTests)");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // glibc gives each thread that allocates its own 64 MB malloc arena by default; two keep the native part of the
        // resident set small (the JVM allocates little with malloc) at no measurable cost.
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        builder.environment().putAll(env);
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
        return this;
    }

    /** Waits until {@code /actuator/health} answers UP; fails early if the process died. */
    public void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
            try {
                process.waitFor(250, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
        }
        throw new IllegalStateException(name + " was not healthy within " + timeout + "; see " + log);
    }

    /** SIGTERM, so Spring shuts down gracefully; {@link #awaitStopped(long)} waits for it. */
    public void requestStop() {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    /**
     * Waits for a {@link #requestStop() requested} stop; kills the process if it is still running at
     * {@code deadline} ({@link System#nanoTime()}), shared by all services so the stop stays bounded.
     */
    void awaitStopped(long deadline) {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * {@code kill -9}: the process ends at once, mid-transaction and mid-conversation, as in a crash; returns once it
     * is gone.
     */
    public void kill() {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroyForcibly();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " did not die of SIGKILL within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while killing " + name, e);
        }
    }

    /** The running process's id. */
    public long pid() {
        Process p = process;
        if (p == null || !p.isAlive()) {
            throw new IllegalStateException(name + " is not running");
        }
        return p.pid();
    }

    public boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }
}
