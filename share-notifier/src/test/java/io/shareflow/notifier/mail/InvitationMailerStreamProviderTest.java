package io.shareflow.notifier.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.junit.jupiter.api.Test;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The mailer names jakarta.mail's stream provider, so no e-mail pays for a ServiceLoader scan of the jar. */
class InvitationMailerStreamProviderTest {

    @Test
    void aMailerNamesAngusStreamProviderSoJakartaMailStopsLookingAtTheSystemProperty() {
        new InvitationMailer(new JavaMailSenderImpl(), new MailSettings("shareflow <no-reply@shareflow.local>"));

        assertThat(System.getProperty(InvitationMailer.STREAM_PROVIDER_PROPERTY))
                .isEqualTo(MailStreamProvider.class.getName());
        assertThat(StreamProvider.provider()).isInstanceOf(MailStreamProvider.class);
    }
}
