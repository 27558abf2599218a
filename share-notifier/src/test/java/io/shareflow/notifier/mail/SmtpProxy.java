package io.shareflow.notifier.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of the tests' SMTP server that counts the connections clients open and can misbehave the way
 * networks do: answer slowly, lose the server's reply to the end of a message (the client cannot know whether it was
 * accepted), or fail — open connections cut and new ones accepted but never answered, so a client waits its timeout.
 * Thread-safe; for tests only.
 */
public final class SmtpProxy implements AutoCloseable {

    private static final byte[] END_OF_DATA = {'\r', '\n', '.', '\r', '\n'};

    private final int targetPort;
    private final ServerSocket server;
    private final AtomicInteger opened = new AtomicInteger();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final AtomicInteger repliesToLose = new AtomicInteger();
    private volatile Duration replyDelay = Duration.ZERO;
    private volatile boolean silent;

    private SmtpProxy(int targetPort) {
        this.targetPort = targetPort;
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "smtp-proxy-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy on a free loopback port forwarding to {@code localhost:targetPort}. */
    public static SmtpProxy to(int targetPort) {
        return new SmtpProxy(targetPort);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Connections clients have opened so far. */
    public int connectionsOpened() {
        return opened.get();
    }

    /** Client connections open now. */
    public int connectionsOpen() {
        return (int) clients.stream().filter(s -> !s.isClosed()).count();
    }

    /** Holds back each piece of the server's answer this long (zero: none). */
    public void delayReplies(Duration delay) {
        this.replyDelay = delay;
    }

    /**
     * The next {@code count} times a client ends a message ({@code CRLF.CRLF}), the server's reply is lost: the
     * connection is cut after the server got the whole message and before the client hears that it was accepted.
     */
    public void loseTheReplyToTheNextMessages(int count) {
        repliesToLose.set(count);
    }

    /** An outage: every open connection is cut, and new ones are accepted but never answered. */
    public void fail() {
        silent = true;
        cutAll();
    }

    /** Works normally again, without delay or lost replies. */
    public void recover() {
        silent = false;
        replyDelay = Duration.ZERO;
        repliesToLose.set(0);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        cutAll();
    }

    private void cutAll() {
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
        clients.clear();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                opened.incrementAndGet();
                open.add(client);
                clients.add(client);
                if (silent) {
                    start(() -> drain(client)); // accepted, never answered: the client's timeout decides
                    continue;
                }
                Socket target;
                try {
                    target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                } catch (IOException refused) {
                    closeQuietly(client); // the client sees its connection closed before any greeting
                    continue;
                }
                open.add(target);
                target.setTcpNoDelay(true);
                client.setTcpNoDelay(true);
                AtomicBoolean messageEnded = new AtomicBoolean();
                start(() -> pump(client, target, messageEnded, true));
                start(() -> pump(target, client, messageEnded, false));
            } catch (IOException e) {
                // the server socket was closed
            }
        }
    }

    private void pump(Socket from, Socket to, AtomicBoolean messageEnded, boolean fromClient) {
        byte[] buffer = new byte[16384];
        byte[] tail = new byte[END_OF_DATA.length];
        try (from; to) {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (fromClient) {
                    if (endsMessage(tail, buffer, read)) {
                        messageEnded.set(true);
                    }
                } else {
                    if (messageEnded.getAndSet(false) && repliesToLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        return; // the server's "250 accepted" is lost with the connection
                    }
                    if (!replyDelay.isZero()) {
                        Thread.sleep(replyDelay.toMillis());
                    }
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed: so does the other
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(from);
            open.remove(to);
            clients.remove(fromClient ? from : to);
        }
    }

    /** Reads what the client sends without ever answering, until it gives up and closes. */
    private void drain(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            byte[] buffer = new byte[1024];
            while (in.read(buffer) >= 0) {
                // swallowed
            }
        } catch (IOException e) {
            // closed
        } finally {
            open.remove(client);
            clients.remove(client);
        }
    }

    /** Whether the bytes sent so far end with CRLF.CRLF; {@code tail} keeps the last bytes across reads. */
    private static boolean endsMessage(byte[] tail, byte[] buffer, int read) {
        for (int i = 0; i < read; i++) {
            System.arraycopy(tail, 1, tail, 0, tail.length - 1);
            tail[tail.length - 1] = buffer[i];
        }
        return java.util.Arrays.equals(tail, END_OF_DATA);
    }

    private static void start(Runnable pump) {
        Thread thread = new Thread(pump, "smtp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closed anyway
        }
    }
}
