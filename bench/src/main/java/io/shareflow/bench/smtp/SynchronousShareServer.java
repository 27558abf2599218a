package io.shareflow.bench.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.shareflow.bench.e2e.ShareWrite;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The synchronous design the seeds use, as the baseline of share-api's latency: a tiny HTTP server whose
 * {@code POST} (any path) accepts one share by doing its database work ({@link ShareWrite}) in a JDBC transaction
 * AND sending the recipient's invitation-like e-mail (text and HTML, as share-notifier composes it) inside the
 * request, then answers {@code 202} with {@code {"sequence": n}}. JDK {@link HttpServer}, one virtual thread per
 * request (a virtual thread where the JVM has them, Java 21 on; on Java 17 a platform thread per request from a
 * cached pool, which has the same no-queue behaviour), on the loopback interface and a free port.
 *
 * <p><b>Order: write, send, commit.</b> As a request-scoped {@code @Transactional} service method that calls
 * {@code mailSender.send(...)} does: the e-mail is sent while the transaction (and its pooled database connection)
 * is held open, and the insert commits only once the SMTP server has accepted the message, so a failed send rolls the
 * share back and the client gets an error instead of a share whose invitation never went out. (Committing first
 * would free the connection sooner but could accept a share whose e-mail is lost — which is what the outbox and
 * share-notifier exist to avoid.) So the request's latency is the write plus the whole SMTP conversation, and the
 * database connection is held for both.
 *
 * <p>Answers: {@code 202} once committed; {@code 502} if the e-mail could not be sent (rolled back); {@code 500} if
 * the database failed; {@code 405} for anything but {@code POST}.
 */
public final class SynchronousShareServer implements AutoCloseable {

    /** How the e-mail is sent. */
    public enum Mode {
        /**
         * Spring's {@link JavaMailSenderImpl#send(MimeMessage)}, as a request-scoped send does: it opens a
         * connection (TCP, greeting, EHLO) for the message and closes it (QUIT) after.
         */
        PER_MESSAGE,
        /**
         * A pool of kept, connected jakarta.mail Transports ({@link SmtpTransportPool}): a request borrows one,
         * sends and gives it back; a connection that died is replaced.
         */
        POOLED
    }

    private static final Logger log = LoggerFactory.getLogger(SynchronousShareServer.class);

    static {
        noDelay();
    }
    /** The pooled mode's connections: as many as requests in flight at 100/s with a few ms each, and then some. */
    static final int DEFAULT_POOL_SIZE = 16;

    private final DataSource db;
    private final ShareWrite write;
    private final Mode mode;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong sequence = new AtomicLong();
    private final Session session;
    private final JavaMailSenderImpl perMessage;
    private final SmtpTransportPool pool;
    private final HttpServer http;
    private final ExecutorService executor;

    private SynchronousShareServer(DataSource db, ShareWrite write, String smtpHost, int smtpPort, Mode mode,
                                   int poolSize) {
        this.db = Objects.requireNonNull(db, "db");
        this.write = Objects.requireNonNull(write, "write");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.session = Emails.session(smtpHost, smtpPort);
        if (mode == Mode.PER_MESSAGE) {
            perMessage = new JavaMailSenderImpl();
            perMessage.setHost(smtpHost);
            perMessage.setPort(smtpPort);
            perMessage.setDefaultEncoding(StandardCharsets.UTF_8.name());
            perMessage.setSession(session);
            pool = null;
        } else {
            perMessage = null;
            pool = new SmtpTransportPool(session, smtpHost, smtpPort, poolSize);
        }
        executor = threadPerRequest();
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("The synchronous share server did not start", e);
        }
        http.createContext("/", this::handle);
        http.setExecutor(executor);
        http.start();
    }

    /**
     * Starts the server on a free loopback port; {@link Mode#POOLED} keeps up to {@value #DEFAULT_POOL_SIZE}
     * connections.
     *
     * @param db    where the share's write goes; a pool, as a service's would be (each request holds one connection
     *              for its write and its send)
     * @param write the database work of one share, given a sequence number unique in this server's life (1, 2, ...)
     */
    public static SynchronousShareServer start(DataSource db, ShareWrite write, String smtpHost, int smtpPort,
                                               Mode mode) {
        return new SynchronousShareServer(db, write, smtpHost, smtpPort, mode, DEFAULT_POOL_SIZE);
    }

    /** As {@link #start(DataSource, ShareWrite, String, int, Mode)} with a pool of at most {@code poolSize}. */
    public static SynchronousShareServer start(DataSource db, ShareWrite write, String smtpHost, int smtpPort,
                                               Mode mode, int poolSize) {
        return new SynchronousShareServer(db, write, smtpHost, smtpPort, mode, poolSize);
    }

    /** {@code http://127.0.0.1:<port>/shares}: where to POST. */
    public URI uri() {
        return URI.create("http://" + http.getAddress().getAddress().getHostAddress() + ":"
                + http.getAddress().getPort() + "/shares");
    }

    public Mode mode() {
        return mode;
    }

    /** The recipient of the e-mail of request number {@code sequence} (1 for the first POST). */
    public String recipient(long sequence) {
        return Emails.recipient(sequence, runId);
    }

    /** The Message-ID of the e-mail of request number {@code sequence}. */
    public String messageId(long sequence) {
        return Emails.messageId(sequence, runId);
    }

    /** How many SMTP connections the pooled mode has opened so far (0 in {@link Mode#PER_MESSAGE}). */
    public long connectionsOpened() {
        return pool == null ? 0 : pool.opened();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "{\"error\":\"POST only\"}");
                return;
            }
            long n = sequence.incrementAndGet();
            try {
                accept(n);
                respond(exchange, 202, "{\"sequence\":" + n + "}");
            } catch (SendFailed e) {
                log.debug("Share {} rolled back: its e-mail was not sent", n, e.getCause());
                respond(exchange, 502, "{\"error\":\"e-mail not sent\",\"sequence\":" + n + "}");
            } catch (SQLException | RuntimeException e) {
                log.debug("Share {} failed", n, e);
                respond(exchange, 500, "{\"error\":\"" + e.getClass().getSimpleName() + "\"}");
            }
        }
    }

    /** Write, send, commit: one transaction around both (see the class's comment for why in that order). */
    private void accept(long n) throws SQLException, SendFailed {
        try (Connection connection = db.getConnection()) {
            connection.setAutoCommit(false);
            try {
                write.write(connection, n);
                send(Emails.invitation(session, n, runId));
                connection.commit();
            } catch (SQLException | SendFailed | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private void send(MimeMessage message) throws SendFailed {
        try {
            if (perMessage != null) {
                perMessage.send(message);
            } else {
                pool.send((FixedIdMessage) message);
            }
        } catch (MailException | MessagingException e) {
            throw new SendFailed(e);
        }
    }

    /**
     * TCP_NODELAY on the JDK HTTP server's connections ({@code sun.net.httpserver.nodelay}): without it its answer
     * (headers, then body, in two writes) meets Nagle's algorithm and the client's delayed ACK, and every request
     * waits ~40 ms for nothing. The JDK reads the property once, when the first HttpServer of the JVM is made: a
     * program that makes one before (the mail catcher's) calls this first.
     */
    public static void noDelay() {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** Java 21's virtual-thread-per-task executor when the running JVM has it; else a thread per request. */
    static ExecutorService threadPerRequest() {
        try {
            return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (ReflectiveOperationException e) {
            AtomicLong threads = new AtomicLong();
            return Executors.newCachedThreadPool(r -> {
                Thread thread = new Thread(r, "sync-share-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops the HTTP server (requests under way get a second to finish) and closes the pooled connections. */
    @Override
    public void close() {
        http.stop(1);
        executor.shutdownNow();
        if (pool != null) {
            pool.close();
        }
    }

    private static final class SendFailed extends Exception {
        SendFailed(Exception cause) {
            super(cause);
        }
    }
}
