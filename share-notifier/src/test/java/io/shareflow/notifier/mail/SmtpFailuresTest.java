package io.shareflow.notifier.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Map;

import io.shareflow.notifier.mail.DeliveryResult.Outcome;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

/** Exceptions shaped as Spring's JavaMailSenderImpl and Angus Mail throw them. */
class SmtpFailuresTest {

    private static final Object MESSAGE = new Object();

    @Test
    void aRecipientRefusedWith5xxIsPermanent() throws Exception {
        DeliveryResult result = classify(invalidRecipient(550, "550 5.1.1 <nobody@example.com>: no such user"), true);

        assertThat(result.outcome()).isEqualTo(Outcome.PERMANENT);
        assertThat(result.reason()).contains("550 5.1.1 <nobody@example.com>: no such user");
    }

    @Test
    void aRecipientRefusedWith4xxIsTransient() throws Exception {
        assertThat(classify(invalidRecipient(451, "451 4.2.1 greylisted, try later"), false).outcome())
                .isEqualTo(Outcome.TRANSIENT);
    }

    @Test
    void aMessageRefusedAfterDataIsClassifiedByItsCodeEvenThoughItWasWritten() {
        assertThat(classify(afterData(554, "554 5.7.1 rejected as spam"), true).outcome()).isEqualTo(Outcome.PERMANENT);
        assertThat(classify(afterData(452, "452 4.3.1 insufficient storage"), true).outcome()).isEqualTo(Outcome.TRANSIENT);
    }

    @Test
    void aSenderRefusedWith5xxIsPermanent() throws Exception {
        var sender = new SMTPSenderFailedException(new InternetAddress("no-reply@shareflow.local"), "MAIL FROM", 553,
                "553 5.7.1 sender not allowed");

        assertThat(classify(sender, false).outcome()).isEqualTo(Outcome.PERMANENT);
    }

    @Test
    void connectionRefusedIsTransient() {
        var refused = new MailConnectException(new SocketConnectException("Using socket factory", 
                new ConnectException("Connection refused"), "localhost", 3025, 5000));
        var spring = new MailSendException("Mail server connection failed", refused, Map.of(MESSAGE, refused));

        DeliveryResult result = SmtpFailures.classify(spring, false);

        assertThat(result.outcome()).isEqualTo(Outcome.TRANSIENT);
        assertThat(result.reason()).startsWith("Cannot connect to the SMTP server").contains("localhost");
    }

    @Test
    void anUnknownHostIsTransient() {
        var unknown = new MessagingException("Unknown SMTP host: smtp.invalid", new UnknownHostException("smtp.invalid"));

        assertThat(SmtpFailures.classify(new MailSendException("Mail server connection failed", unknown,
                Map.of(MESSAGE, unknown)), false).outcome()).isEqualTo(Outcome.TRANSIENT);
    }

    @Test
    void failedAuthenticationIsTransientForTheOperatorToFix() {
        var spring = new MailAuthenticationException(new AuthenticationFailedException("535 5.7.8 bad credentials"));

        DeliveryResult result = SmtpFailures.classify(spring, false);

        assertThat(result.outcome()).isEqualTo(Outcome.TRANSIENT);
        assertThat(result.reason()).doesNotContain("bad credentials");
    }

    @Test
    void anUnparseableAddressIsPermanent() {
        var bad = new AddressException("Missing final '@domain'", "bob");

        assertThat(SmtpFailures.classify(bad, false).outcome()).isEqualTo(Outcome.PERMANENT);
    }

    @Test
    void aTimeoutBeforeTheMessageWasWrittenIsTransient() {
        assertThat(classify(timeout(), false).outcome()).isEqualTo(Outcome.TRANSIENT);
    }

    @Test
    void aTimeoutAfterTheMessageWasWrittenIsInDoubt() {
        DeliveryResult result = classify(timeout(), true);

        assertThat(result.outcome()).isEqualTo(Outcome.IN_DOUBT);
        assertThat(result.reason()).startsWith("Delivery outcome unknown").contains("Read timed out");
    }

    @Test
    void reasonsAreOneLine() {
        DeliveryResult result = classify(afterData(554, "554 first line\r\nsecond line"), true);

        assertThat(result.reason()).isEqualTo("SMTP 554 first line second line");
    }

    private static DeliveryResult classify(Exception perMessage, boolean contentWritten) {
        return SmtpFailures.classify(new MailSendException(Map.of(MESSAGE, perMessage)), contentWritten);
    }

    private static SendFailedException invalidRecipient(int code, String reply) throws AddressException {
        InternetAddress address = new InternetAddress("nobody@example.com");
        var perAddress = new SMTPAddressFailedException(address, "RCPT TO:<nobody@example.com>", code, reply);
        return new SendFailedException("Invalid Addresses", perAddress, new Address[0], new Address[0],
                new Address[] {address});
    }

    private static SMTPSendFailedException afterData(int code, String reply) {
        return new SMTPSendFailedException(".", code, reply, null, new Address[0], new Address[0], new Address[0]);
    }

    private static MessagingException timeout() {
        return new MessagingException("Exception reading response", new SocketTimeoutException("Read timed out"));
    }
}
