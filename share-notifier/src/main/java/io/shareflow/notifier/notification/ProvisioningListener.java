package io.shareflow.notifier.notification;

import java.nio.ByteBuffer;

import io.shareflow.events.RegistrationLinkIssued;
import io.shareflow.notifier.mail.RegistrationInvitation;
import io.shareflow.support.tracing.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Thin listener on user-provisioner's topic: a {@code RegistrationLinkIssued} becomes a {@link RegistrationLinkRequest}
 * for {@link NotificationRequestHandler}, its link passed on sealed and unopened; the share answers on the topic
 * ({@code RecipientProvisioned}, {@code RecipientRejected}) are not this service's business. Failures are left to
 * the container's error handler (retries, then the dead-letter topic).
 */
@Component
@KafkaListener(id = "share-notifier-provisioning", idIsGroup = false, topics = "${shareflow.topics.share-provisioning}")
class ProvisioningListener {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningListener.class);
    private static final String REINVITE = "REINVITE";

    private final NotificationRequestHandler requests;

    ProvisioningListener(NotificationRequestHandler requests) {
        this.requests = requests;
    }

    @KafkaHandler
    void registrationLinkIssued(RegistrationLinkIssued e) {
        try (var logContext = LogContext.user(e.getUserId())) {
            requests.accept(new RegistrationLinkRequest(e.getEventId(), e.getUserId(), e.getRecipientEmail(),
                    new RegistrationInvitation(e.getOrganizationName(), e.getInviterName(), e.getInviterEmail(),
                            e.getExpiresAt(), REINVITE.equals(e.getReason())),
                    bytes(e.getSealedRegistrationLink()), e.getShareId()));
        }
    }

    @KafkaHandler(isDefault = true)
    void other(Object event) {
        log.debug("Ignoring {}: not this service's business", event.getClass().getSimpleName());
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
