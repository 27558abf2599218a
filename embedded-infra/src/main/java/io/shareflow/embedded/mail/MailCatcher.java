package io.shareflow.embedded.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.shareflow.embedded.FreePorts;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A capturing mail server: GreenMail's SMTP server keeps every message it accepts in memory, and a
 * small HTTP server shows them to people and programs:
 * <ul>
 *   <li>{@code GET /api/messages}: a JSON array of {@link CapturedMessage}s
 *       ({@code id, messageId, from, to, subject, text, html, receivedAt}), all of them, oldest
 *       first, one entry per message however many recipients it had;</li>
 *   <li>{@code DELETE /api/messages}: empties the box (204);</li>
 *   <li>{@code GET /}: an HTML page listing the messages, newest first.</li>
 * </ul>
 *
 * <p>For tests, the SMTP part can be stopped and started again on the same port
 * ({@link #stopSmtp()}, {@link #startSmtp()}) to simulate an SMTP outage, and recipients can be
 * refused with a chosen reply code ({@link #rejectRecipients}). Captured messages survive both.
 *
 * <p>Both servers bind to the loopback interface. Thread-safe.
 */
public final class MailCatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MailCatcher.class);

    private final InetAddress bindAddress = InetAddress.getLoopbackAddress();
    private final AtomicLong sequence = new AtomicLong();
    private final List<CapturedMessage> messages = new ArrayList<>();
    private volatile int smtpPort;
    private volatile int httpPort;
    private volatile Rejection rejection;
    private CapturingSmtpServer smtp;
    private HttpServer http;
    private ExecutorService httpExecutor;

    /**
     * @param smtpPort the SMTP port, e.g. 3025; 0 picks a free one on first start (kept for restarts)
     * @param httpPort the HTTP port, e.g. 8025; 0 picks a free one
     */
    public MailCatcher(int smtpPort, int httpPort) {
        this.smtpPort = smtpPort;
        this.httpPort = httpPort;
    }

    /** A catcher on two free ports, not yet started. */
    public static MailCatcher onFreePorts() {
        return new MailCatcher(FreePorts.find(), FreePorts.find());
    }

    /** Starts the SMTP and the HTTP server; returns once both accept connections. */
    public synchronized MailCatcher start() {
        startSmtp();
        if (http == null) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(bindAddress, httpPort), 0);
                server.createContext("/", new MailboxHttpApi(this));
                httpExecutor = Executors.newFixedThreadPool(2, r -> {
                    Thread thread = new Thread(r, "mail-catcher-http");
                    thread.setDaemon(true);
                    return thread;
                });
                server.setExecutor(httpExecutor);
                server.start();
                http = server;
                httpPort = server.getAddress().getPort();
            } catch (IOException e) {
                throw new UncheckedIOException("Mail catcher's HTTP server did not start on port " + httpPort, e);
            }
            log.info("Mail catcher: SMTP on port {}, captured mail on http://localhost:{}/", smtpPort, httpPort);
        }
        return this;
    }

    /** Starts (again) the SMTP server on its port; captured messages are kept. */
    public synchronized void startSmtp() {
        if (smtp != null) {
            return;
        }
        CapturingSmtpServer server = new CapturingSmtpServer(
                new ServerSetup(smtpPort, bindAddress.getHostAddress(), ServerSetup.PROTOCOL_SMTP),
                this::rejectionOf, this::capture);
        server.startAndWait();
        smtp = server;
        smtpPort = server.getPort();
    }

    /**
     * Stops the SMTP server and closes its open connections, as an SMTP outage would: connecting
     * is refused until {@link #startSmtp()}. Captured messages and the HTTP server stay.
     */
    public synchronized void stopSmtp() {
        if (smtp == null) {
            return;
        }
        smtp.stopService();
        smtp = null;
    }

    public synchronized boolean isSmtpRunning() {
        return smtp != null;
    }

    /** Stops both servers; nothing is left listening. Captured messages are kept until garbage. */
    public synchronized void stop() {
        stopSmtp();
        if (http != null) {
            http.stop(0);
            httpExecutor.shutdownNow();
            http = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int httpPort() {
        return httpPort;
    }

    /** {@code http://localhost:<httpPort>}, without a trailing slash. */
    public String httpUrl() {
        return "http://localhost:" + httpPort;
    }

    /** All captured messages, oldest first; a snapshot, never null. */
    public List<CapturedMessage> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    /** Empties the box. Ids are not reused afterwards. */
    public void clear() {
        synchronized (messages) {
            messages.clear();
        }
    }

    /**
     * Refuses recipients from now on: {@code RCPT TO} of a matching address is answered with
     * {@code replyCode} (a 4xx is a transient failure to the client, a 5xx a permanent one), and
     * the message is not captured unless another recipient was accepted.
     *
     * @param matching  tested with the bare address, e.g. {@code bounce@example.com}
     * @param replyCode 400..599
     */
    public void rejectRecipients(Predicate<String> matching, int replyCode) {
        if (replyCode < 400 || replyCode > 599) {
            throw new IllegalArgumentException("A refusal is a 4xx or 5xx reply: " + replyCode);
        }
        this.rejection = new Rejection(Objects.requireNonNull(matching, "matching"), replyCode);
    }

    /** Accepts every recipient again (the default). */
    public void acceptAllRecipients() {
        this.rejection = null;
    }

    private String rejectionOf(String address) {
        Rejection current = rejection;
        if (current == null || !current.matching().test(address)) {
            return null;
        }
        String enhanced = current.replyCode() >= 500 ? "5.1.1" : "4.2.1";
        return current.replyCode() + " " + enhanced + " <" + address + ">: recipient rejected by the mail catcher's rule";
    }

    private void capture(CapturingSmtpServer.Received received) {
        try {
            MimeMessage message = received.message();
            CapturedMessage captured = new CapturedMessage(
                    Long.toString(sequence.incrementAndGet()),
                    message.getHeader("Message-ID", null),
                    MimeParts.from(message),
                    received.recipients(),
                    message.getSubject(),
                    MimeParts.firstBody(message, "text/plain"),
                    MimeParts.firstBody(message, "text/html"),
                    Instant.now().truncatedTo(ChronoUnit.MILLIS));
            synchronized (messages) {
                messages.add(captured);
            }
            log.debug("Captured message {} ({}) to {}", captured.id(), captured.messageId(), captured.to());
        } catch (MessagingException | IOException e) {
            // The SMTP client is told 451, so it knows the message was not taken.
            throw new IllegalStateException("Cannot read the received message", e);
        }
    }

    private record Rejection(Predicate<String> matching, int replyCode) {
    }
}
