package io.shareflow.embedded.mail;

import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpHandler;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.smtp.commands.SmtpCommandRegistry;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * GreenMail's SMTP server, with two changes: an accepted message is handed to a callback once
 * per SMTP transaction (GreenMail would store one copy per recipient mailbox), and recipients can
 * be refused with a chosen SMTP reply. A thread is single-use, so each start is a new instance.
 */
final class CapturingSmtpServer extends SmtpServer {

    private final SmtpManager manager;

    /**
     * @param rejection returns the SMTP reply refusing a recipient address, or null to accept it
     * @param accepted  receives each accepted message; an exception makes the server answer 451
     */
    CapturingSmtpServer(ServerSetup setup, Function<String, String> rejection, Consumer<Received> accepted) {
        this(setup, new Managers(), rejection, accepted);
    }

    private CapturingSmtpServer(ServerSetup setup, Managers managers, Function<String, String> rejection,
                                Consumer<Received> accepted) {
        super(setup, managers);
        setDaemon(true);
        this.manager = new SmtpManager(managers.getImapHostManager(), managers.getUserManager()) {
            @Override
            public String checkRecipient(SmtpState state, MailAddress recipient) {
                return rejection.apply(recipient.getEmail());
            }

            @Override
            public synchronized void send(SmtpState state) {
                MovingMessage message = state.getMessage();
                accepted.accept(new Received(message.getMessage(), recipients(message)));
            }
        };
    }

    @Override
    protected ProtocolHandler createProtocolHandler(Socket clientSocket) {
        return new SmtpHandler(new SmtpCommandRegistry(), manager, clientSocket);
    }

    /** Binds and waits until the port accepts connections. */
    void startAndWait() {
        startService();
        try {
            if (!waitTillRunning(10_000)) {
                stopService();
                throw new IllegalStateException("SMTP server did not start on port " + getServerSetup().getPort());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the SMTP server", e);
        }
    }

    /**
     * The header recipients (To, then Cc) in their order, then any other envelope recipients (Bcc)
     * sorted: GreenMail keeps the envelope in a hash set, which has no order to offer.
     */
    private static List<String> recipients(MovingMessage message) {
        Set<String> envelope = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (MailAddress address : message.getToAddresses()) {
            envelope.add(address.getEmail());
        }
        List<String> ordered = new ArrayList<>();
        try {
            for (Message.RecipientType type : List.of(Message.RecipientType.TO, Message.RecipientType.CC)) {
                Address[] addresses = message.getMessage().getRecipients(type);
                for (Address address : addresses == null ? new Address[0] : addresses) {
                    String email = address instanceof InternetAddress internet ? internet.getAddress() : address.toString();
                    if (envelope.remove(email)) {
                        ordered.add(email);
                    }
                }
            }
        } catch (MessagingException e) {
            // Unparseable headers: the envelope alone still says who got it.
        }
        ordered.addAll(envelope);
        return ordered;
    }

    /** A message as accepted at the end of DATA, with its envelope recipients. */
    record Received(MimeMessage message, List<String> recipients) {
    }
}
