package io.shareflow.provisioner.registration;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.UUID;

import io.shareflow.events.RegistrationLinkIssued;
import io.shareflow.outbox.OutboxWriter;
import io.shareflow.provisioner.registration.model.RegistrationInvitation;
import io.shareflow.provisioner.registration.model.RegistrationToken;
import io.shareflow.schemas.SealContexts;
import io.shareflow.schemas.SealedFields;
import io.shareflow.support.kafka.TopicNames;

import org.springframework.stereotype.Component;

/**
 * Publishes an issued registration link as {@code RegistrationLinkIssued} on the provisioning topic (key = userId),
 * through the outbox in the caller's transaction, for share-notifier to e-mail. The link is sealed here
 * ({@link SealedFields}, context {@link SealContexts#registrationLink}): the token leaves this class only sealed.
 * Needs {@code SHAREFLOW_EVENTS_SEAL_KEY}; without it the service does not start.
 */
@Component
class RegistrationLinkPublisher {

    private static final String AGGREGATE = "user";

    private final OutboxWriter outbox;
    private final TopicNames topics;
    private final SealedFields sealedFields;
    private final RegistrationSettings settings;
    private final Clock clock;

    RegistrationLinkPublisher(OutboxWriter outbox, TopicNames topics, SealedFields sealedFields,
                              RegistrationSettings settings, Clock clock) {
        this.outbox = outbox;
        this.topics = topics;
        this.sealedFields = sealedFields;
        this.settings = settings;
        this.clock = clock;
    }

    void publish(RegistrationInvitation invitation, RegistrationToken token) {
        UUID userId = invitation.user().id();
        byte[] sealedLink = sealedFields.seal(settings.linkFor(token.token()), SealContexts.registrationLink(userId));
        outbox.append(topics.shareProvisioning(), AGGREGATE, userId.toString(), RegistrationLinkIssued.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(clock.instant())
                .setUserId(userId)
                .setOrganizationId(invitation.user().organizationId())
                .setOrganizationName(invitation.organizationName())
                .setRecipientEmail(invitation.user().email().value())
                .setInviterName(invitation.inviter().name())
                .setInviterEmail(invitation.inviter().email())
                .setReason(invitation.reason().name())
                .setShareId(invitation.shareId())
                .setCausationEventId(invitation.causationEventId())
                .setExpiresAt(token.expiresAt())
                .setSealedRegistrationLink(ByteBuffer.wrap(sealedLink))
                .build());
    }
}
