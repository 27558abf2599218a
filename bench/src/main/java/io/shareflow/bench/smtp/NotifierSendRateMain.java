package io.shareflow.bench.smtp;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.shareflow.embedded.mail.CapturedMessage;
import io.shareflow.localstack.LocalStack;
import io.shareflow.localstack.LocalStackSettings;
import io.shareflow.localstack.RestCalls;
import io.shareflow.localstack.ServiceProcess;

/**
 * {@link NotifierSendRate} once, on a LocalStack of its own on free ports (the per-sharer limit raised to 100,000
 * recipients a minute, so one sharer can submit them all), and optionally share-notifier profiled with JFR over its
 * steady state.
 *
 * <p>Run from the repository root after {@code ./mvnw -B install -DskipTests} (the service jars):
 * {@code SHAREFLOW_HOME=$PWD java -cp ... io.shareflow.bench.smtp.NotifierSendRateMain}. System properties:
 * {@code smtp.shares} (default 1000); {@code smtp.jfr=/tmp/n.jfr} records share-notifier from its start
 * ({@code jcmd <pid> JFR.start}, settings {@code smtp.jfc}, default {@code profile}) and dumps the steady state's
 * window (the middle 80 % of its e-mails) to that file.
 */
public final class NotifierSendRateMain {

    private NotifierSendRateMain() {
    }

    public static void main(String[] args) throws Exception {
        int shares = Integer.getInteger("smtp.shares", 1000);
        String jfr = System.getProperty("smtp.jfr");
        String jfc = System.getProperty("smtp.jfc", "profile");
        LocalStackSettings settings = LocalStackSettings.onFreePorts(
                Map.of("SHAREFLOW_LIMITS_RECIPIENTS_PER_MINUTE", "100000"));
        try (LocalStack stack = new LocalStack(settings).start()) {
            // Alice's token, as local-stack's DemoData mints it (producer-admin of Acme Aviation).
            String alice = settings.jwtTokens().issue(stack.demo().aliceId(), stack.demo().acmeId(),
                    "alice@acme.example", "Alice Archer", List.of("producer-admin"), Duration.ofHours(12));
            String url = settings.shareApiUrl() + "/v1/shares/" + stack.demo().maintenanceLogId();
            String run = UUID.randomUUID().toString().substring(0, 8);
            long lastIdBefore = NotifierSendRate.lastId(stack.mail().messages());
            long[] pid = new long[1];
            NotifierSendRate.Result result = NotifierSendRate.measure(stack, n -> {
                RestCalls.Response response = RestCalls.post(url, alice, Map.of(
                        "recipientEmail", "rate" + n + "." + run + "@example.com", "message", "Here is the A320 log."));
                if (response.status() != 202) {
                    throw new IllegalStateException("Share " + n + " answered " + response.status() + ": "
                            + response.body());
                }
            }, shares, notifier -> {
                pid[0] = notifier.pid();
                if (jfr != null) {
                    startRecording(notifier, jfc);
                }
            });
            System.out.printf(Locale.ROOT, "notifier send rate (%d shares, %d e-mails): %s%n", shares, 2 * shares,
                    result);
            if (jfr != null) {
                List<Instant> times = NotifierSendRate.after(stack.mail().messages(), lastIdBefore).stream()
                        .limit(2L * shares).map(CapturedMessage::receivedAt).sorted().toList();
                Instant begin = times.get(times.size() / 10);
                Instant end = times.get(times.size() - 1 - times.size() / 10);
                jcmd(pid[0], "JFR.dump", "name=smtp", "filename=" + jfr, "begin=" + begin, "end=" + end);
                System.out.printf("share-notifier (pid %d) recorded from %s to %s in %s%n", pid[0], begin, end, jfr);
            }
        }
    }

    /** Starts a recording as soon as the new JVM takes attach requests. */
    private static void startRecording(ServiceProcess notifier, String jfc) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (jcmd(notifier.pid(), "JFR.start", "name=smtp", "settings=" + jfc) == 0) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("Could not start JFR in share-notifier");
    }

    private static int jcmd(long pid, String... command) {
        List<String> line = new java.util.ArrayList<>(List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            int exit = process.waitFor();
            if (exit != 0 || output.contains("Exception") || output.contains("Could not")) {
                return exit == 0 ? 1 : exit;
            }
            return 0;
        } catch (IOException e) {
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
