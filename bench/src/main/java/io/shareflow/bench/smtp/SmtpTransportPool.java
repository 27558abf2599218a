package io.shareflow.bench.smtp;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pool of kept, connected jakarta.mail {@link Transport}s to one SMTP server, for the synchronous design's pooled
 * mode: a send borrows an idle connection (or opens one, up to {@code maxSize}; beyond that it waits), sends over it
 * and gives it back. Connections are checked by use, not by a NOOP before each message: a connection the server has
 * dropped (killed, idle timeout, restart) fails at its first command, before any of the message went out, and the
 * message is then sent over a new connection, once; the dead one is thrown away. Thread-safe.
 */
final class SmtpTransportPool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmtpTransportPool.class);

    private final Session session;
    private final String host;
    private final int port;
    private final Semaphore permits;
    private final Deque<Transport> idle = new ArrayDeque<>();
    private final AtomicLong opened = new AtomicLong();
    private volatile boolean closed;

    SmtpTransportPool(Session session, String host, int port, int maxSize) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("A pool needs a connection at least: " + maxSize);
        }
        this.session = session;
        this.host = host;
        this.port = port;
        this.permits = new Semaphore(maxSize, true);
    }

    /** Sends the message once over a pooled connection; a dead kept connection costs a reconnect, not the message. */
    void send(FixedIdMessage message) throws MessagingException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessagingException("Interrupted while waiting for an SMTP connection", e);
        }
        try {
            Transport transport = borrow();
            boolean kept = transport != null;
            if (!kept) {
                transport = connect();
            }
            try {
                transport.sendMessage(message, message.getAllRecipients());
            } catch (MessagingException first) {
                discard(transport);
                if (!kept || message.contentWritten()) {
                    throw first;
                }
                log.debug("A kept SMTP connection was dead ({}); sending over a new one", first.toString());
                transport = connect();
                try {
                    transport.sendMessage(message, message.getAllRecipients());
                } catch (MessagingException second) {
                    discard(transport);
                    throw second;
                }
            } catch (RuntimeException e) {
                discard(transport);
                throw e;
            }
            giveBack(transport);
        } finally {
            permits.release();
        }
    }

    /** How many connections the pool has opened in its life (replacements included). */
    long opened() {
        return opened.get();
    }

    private synchronized Transport borrow() {
        return idle.pollFirst();
    }

    private void giveBack(Transport transport) {
        synchronized (this) {
            if (!closed) {
                idle.addFirst(transport);
                return;
            }
        }
        discard(transport);
    }

    private Transport connect() throws MessagingException {
        Transport transport = session.getTransport("smtp");
        transport.connect(host, port, null, null);
        opened.incrementAndGet();
        return transport;
    }

    private static void discard(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException e) {
            // it is being thrown away because it failed
        }
    }

    /** Says QUIT on the idle connections; those in use are closed when they come back. */
    @Override
    public void close() {
        Transport[] open;
        synchronized (this) {
            closed = true;
            open = idle.toArray(Transport[]::new);
            idle.clear();
        }
        for (Transport transport : open) {
            discard(transport);
        }
    }
}
