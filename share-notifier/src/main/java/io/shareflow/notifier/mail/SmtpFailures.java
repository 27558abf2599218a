package io.shareflow.notifier.mail;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

/**
 * Classifies a failed send as {@link DeliveryResult.Outcome#TRANSIENT transient},
 * {@link DeliveryResult.Outcome#PERMANENT permanent} or {@link DeliveryResult.Outcome#IN_DOUBT in doubt}.
 *
 * <ol>
 *   <li>An SMTP reply code decides when there is one: 5xx permanent, 4xx transient. The server
 *       refused the message explicitly, so it was not delivered either way.</li>
 *   <li>An address the client cannot even parse, or that the server refused, is permanent.</li>
 *   <li>Not reaching the server (refused, unknown host, no route, connect timeout) is transient,
 *       and so is an authentication failure: that is the operator's to fix, not the recipient's,
 *       and the retry window gives them time.</li>
 *   <li>Any other I/O trouble is transient while the message had not been written out, and in
 *       doubt once it had: the server may have accepted it and only the reply was lost.</li>
 * </ol>
 */
public final class SmtpFailures {

    private static final int MAX_REASON_LENGTH = 500;

    private SmtpFailures() {
    }

    /**
     * @param error          what the send threw, not null
     * @param contentWritten whether the whole message had been written to the SMTP connection
     * @return a failure result, never null
     */
    public static DeliveryResult classify(Throwable error, boolean contentWritten) {
        List<Throwable> chain = chain(error);
        for (Throwable t : chain) {
            int code = codeOf(t);
            if (code >= 500) {
                return DeliveryResult.failed(DeliveryResult.Outcome.PERMANENT, "SMTP " + describe(t));
            }
            if (code >= 400) {
                return DeliveryResult.failed(DeliveryResult.Outcome.TRANSIENT, "SMTP " + describe(t));
            }
        }
        for (Throwable t : chain) {
            if (t instanceof AddressException
                    || (t instanceof SendFailedException sfe && sfe.getInvalidAddresses() != null
                    && sfe.getInvalidAddresses().length > 0)) {
                return DeliveryResult.failed(DeliveryResult.Outcome.PERMANENT, "Invalid address: " + describe(t));
            }
        }
        for (Throwable t : chain) {
            if (t instanceof MailConnectException || t instanceof ConnectException
                    || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return DeliveryResult.failed(DeliveryResult.Outcome.TRANSIENT,
                        "Cannot connect to the SMTP server: " + describe(t));
            }
            if (t instanceof AuthenticationFailedException || t instanceof MailAuthenticationException) {
                return DeliveryResult.failed(DeliveryResult.Outcome.TRANSIENT,
                        "SMTP authentication failed (check spring.mail.username/password)");
            }
        }
        Throwable root = chain.get(chain.size() - 1);
        return contentWritten
                ? DeliveryResult.failed(DeliveryResult.Outcome.IN_DOUBT,
                        "Delivery outcome unknown: the message was handed to the SMTP server but no reply came ("
                                + describe(root) + ")")
                : DeliveryResult.failed(DeliveryResult.Outcome.TRANSIENT, describe(root));
    }

    /** The SMTP reply code the server refused with, the first one in the error's chain; -1 when there is none. */
    static int replyCode(Throwable error) {
        for (Throwable t : chain(error)) {
            int code = codeOf(t);
            if (code > 0) {
                return code;
            }
        }
        return -1;
    }

    private static int codeOf(Throwable t) {
        if (t instanceof SMTPAddressFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPSenderFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPSendFailedException e) {
            return e.getReturnCode();
        }
        return -1;
    }

    /** The error and everything it wraps: causes, JavaMail's next exceptions, Spring's per-message ones. */
    private static List<Throwable> chain(Throwable error) {
        List<Throwable> all = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        collect(error, all, seen);
        return all;
    }

    private static void collect(Throwable t, List<Throwable> all, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        all.add(t);
        if (t instanceof MailSendException mse) {
            for (Exception e : mse.getMessageExceptions()) {
                collect(e, all, seen);
            }
        }
        if (t instanceof MessagingException me) {
            collect(me.getNextException(), all, seen);
        }
        collect(t.getCause(), all, seen);
    }

    private static String describe(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        String oneLine = message.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return oneLine.length() <= MAX_REASON_LENGTH ? oneLine : oneLine.substring(0, MAX_REASON_LENGTH - 1) + "…";
    }
}
