package io.shareflow.provisioner.provisioning;

import java.time.Clock;
import java.util.Optional;

import io.shareflow.outbox.ProcessedEvents;
import io.shareflow.provisioner.organization.Organization;
import io.shareflow.provisioner.organization.Organizations;
import io.shareflow.provisioner.provisioning.model.RecipientPolicy;
import io.shareflow.provisioner.provisioning.model.RecipientPolicy.Decision;
import io.shareflow.provisioner.provisioning.model.RecipientRequest;
import io.shareflow.provisioner.provisioning.model.RecipientResult;
import io.shareflow.provisioner.provisioning.model.RecipientResult.Outcome;
import io.shareflow.provisioner.registration.RegistrationInvitations;
import io.shareflow.provisioner.registration.model.Inviter;
import io.shareflow.provisioner.registration.model.RegistrationInvitation;
import io.shareflow.provisioner.user.UserEventPublisher;
import io.shareflow.provisioner.user.Users;
import io.shareflow.provisioner.user.model.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds or creates the account of a share's recipient and answers with exactly one
 * {@link RecipientResult} per share, all in one transaction with the processed-event mark: a
 * redelivered or replayed event changes nothing and publishes nothing.
 *
 * <p>A recipient without a registered account gets the way in by e-mail ({@link RegistrationInvitations}: a sealed
 * registration link for share-notifier) when the share has {@code notify} on and the user holds no working link yet:
 * a new user at once; an earlier-created user whose link has expired, or who never got one (its first share was
 * silent), with this share. A silent share ({@code notify: false}) sends nothing, the registration e-mail included.
 */
@Service
class RecipientProvisioning {

    static final String CONSUMER = "user-provisioner";

    private static final Logger log = LoggerFactory.getLogger(RecipientProvisioning.class);

    private final ProcessedEvents processedEvents;
    private final Users users;
    private final Organizations organizations;
    private final RegistrationInvitations registrations;
    private final UserEventPublisher userEvents;
    private final ProvisioningResultPublisher resultPublisher;
    private final Clock clock;

    RecipientProvisioning(ProcessedEvents processedEvents, Users users, Organizations organizations,
                          RegistrationInvitations registrations, UserEventPublisher userEvents,
                          ProvisioningResultPublisher resultPublisher, Clock clock) {
        this.processedEvents = processedEvents;
        this.users = users;
        this.organizations = organizations;
        this.registrations = registrations;
        this.userEvents = userEvents;
        this.resultPublisher = resultPublisher;
        this.clock = clock;
    }

    @Transactional
    public void handle(RecipientRequest request) {
        if (!processedEvents.markProcessed(CONSUMER, request.eventId())) {
            log.debug("Skipping event {} of share {}: already processed", request.eventId(), request.shareId());
            return;
        }
        RecipientResult result = provision(request);
        resultPublisher.publish(result);
        log.info("Share {}: recipient {}", request.shareId(), describe(result));
    }

    private RecipientResult provision(RecipientRequest request) {
        Decision decision = decide(request);
        if (decision instanceof Decision.Create create) {
            User user = User.invited(request.organizationId(), create.email(), clock.instant());
            if (users.insertIfEmailFree(user)) {
                userEvents.upserted(user);
                if (request.notifyRecipient()) {
                    sendRegistrationLink(request, user);
                }
                return provisioned(request, user, Outcome.USER_CREATED);
            }
            // Another share created this address a moment ago (its transaction has committed,
            // or the insert would still be waiting): decide again against that user.
            decision = decide(request);
        }
        if (decision instanceof Decision.UseExisting existing) {
            User user = existing.user();
            if (!user.isActive() && request.notifyRecipient() && !registrations.hasWorkingLink(user)) {
                // Created for an earlier share and not registered yet: its link expired, or a silent share never sent one.
                sendRegistrationLink(request, user);
            }
            return provisioned(request, user, Outcome.EXISTING_USER);
        }
        Decision.Reject reject = (Decision.Reject) decision;
        return new RecipientResult.Rejected(request.shareId(), request.eventId(), request.recipientEmail(),
                reject.reason());
    }

    private void sendRegistrationLink(RecipientRequest request, User user) {
        String organizationName = organizations.findById(user.organizationId()).map(Organization::name)
                .orElseThrow(() -> new IllegalStateException("User " + user.id() + " of a missing organisation"));
        registrations.send(RegistrationInvitation.forShare(user, organizationName,
                new Inviter(request.sharerName(), request.sharerEmail()), request.shareId(), request.eventId()));
        log.info("Share {}: registration link for user {} issued", request.shareId(), user.id());
    }

    private Decision decide(RecipientRequest request) {
        Optional<User> existing = users.findByEmail(request.recipientEmail());
        boolean organizationKnown = existing.isPresent() || organizations.exists(request.organizationId());
        return RecipientPolicy.decide(request.recipientEmail(), existing, request.organizationId(), organizationKnown);
    }

    private static RecipientResult provisioned(RecipientRequest request, User user, Outcome outcome) {
        return new RecipientResult.Provisioned(request.shareId(), request.eventId(), user.id(), user.organizationId(),
                user.email().value(), outcome);
    }

    private static String describe(RecipientResult result) {
        if (result instanceof RecipientResult.Provisioned provisioned) {
            return provisioned.outcome() + " " + provisioned.userId();
        }
        return "REJECTED: " + ((RecipientResult.Rejected) result).reason();
    }
}
