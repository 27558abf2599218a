package io.shareflow.drills;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A part of the infrastructure (the Kafka broker, the SMTP server) run as its own OS process: a JVM on this JVM's class
 * path running one {@code main}, its output appended to a log file. It can be stopped (SIGTERM), killed
 * ({@code kill -9}) and started again with the same arguments, so on the same ports and data.
 */
final class ChildJvm {

    private final String name;
    private final Class<?> main;
    private final List<String> arguments;
    private final Path log;
    private volatile Process process;

    ChildJvm(String name, Class<?> main, List<String> arguments, Path logDir) {
        this.name = name;
        this.main = main;
        this.arguments = List.copyOf(arguments);
        this.log = logDir.resolve(name + ".log");
    }

    synchronized ChildJvm start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
        return this;
    }

    /** SIGTERM, and waits until the process is gone (its shutdown hook closes the server cleanly). */
    synchronized void stop() {
        end(false);
    }

    /** {@code kill -9}: gone at once, as in a crash. */
    synchronized void kill() {
        end(true);
    }

    private void end(boolean forcibly) {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        if (forcibly) {
            p.destroyForcibly();
        } else {
            p.destroy();
        }
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping " + name, e);
        }
    }

    boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** Fails with the log's place if the process died. */
    void checkAlive() {
        if (!isAlive()) {
            throw new IllegalStateException(name + " is not running; see " + log);
        }
    }

    String name() {
        return name;
    }
}
