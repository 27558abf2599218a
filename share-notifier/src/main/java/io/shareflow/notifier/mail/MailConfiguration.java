package io.shareflow.notifier.mail;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean
    InvitationRenderer invitationRenderer() {
        return new InvitationRenderer();
    }

    @Bean
    LinkInvitationRenderer linkInvitationRenderer() {
        return new LinkInvitationRenderer();
    }

    @Bean
    RegistrationInvitationRenderer registrationInvitationRenderer() {
        return new RegistrationInvitationRenderer();
    }

    @Bean
    InvitationMailer invitationMailer(JavaMailSenderImpl sender, MailSettings settings) {
        return new InvitationMailer(sender, settings);
    }
}
