package io.shareflow.notifier.notification;

import java.util.Optional;
import java.util.UUID;

import io.shareflow.outbox.ProcessedEvents;
import io.shareflow.schemas.SealedFieldException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a share event's notification request into the send log, once per event: the invitation and its link,
 * still sealed — one row for a direct share, one per recipient for a share by link. Nothing is rendered here; the dispatcher renders every attempt from the row, so the rendered
 * e-mail (which holds the link) exists in memory only. Sending is the dispatcher's job.
 *
 * <p>A link that does not open (tampered, truncated, sealed under a key this service lacks, or missing) fails
 * the notification at once: {@code NotificationFailed(permanent)} with the cause, logged at ERROR, the event
 * marked processed. Trying again would not help, and throwing would only loop the record into the dead-letter
 * topic with its share never reaching a final state.
 */
@Service
class NotificationRequestHandler {

    /** This service's name in the processed-event log. */
    static final String CONSUMER = "share-notifier";

    private static final Logger log = LoggerFactory.getLogger(NotificationRequestHandler.class);

    private final ProcessedEvents processedEvents;
    private final Notifications notifications;
    private final LinkSealer links;
    private final NotificationResultPublisher results;
    private final DispatchSignal signal;
    private final NotificationMetrics metrics;

    NotificationRequestHandler(ProcessedEvents processedEvents, Notifications notifications, LinkSealer links,
                               NotificationResultPublisher results, DispatchSignal signal, NotificationMetrics metrics) {
        this.processedEvents = processedEvents;
        this.notifications = notifications;
        this.links = links;
        this.results = results;
        this.signal = signal;
        this.metrics = metrics;
    }

    @Transactional
    public void accept(NotificationRequest request) {
        if (!processedEvents.markProcessed(CONSUMER, request.eventId())) {
            log.debug("Event {} of share {} already processed", request.eventId(), request.shareId());
            return;
        }
        if (!request.sendEmail()) {
            results.skipped(request.shareId(), request.eventId(), request.recipientEmail());
            AfterCommit.run(metrics::skipped);
            log.info("Share {} has notify=false: no e-mail", request.shareId());
            return;
        }
        Optional<String> unopenable = whyTheLinkDoesNotOpen(request.shareId(), request.sealedLink(),
                "The event carries no share link (neither sealedLink nor linkUrl)");
        if (unopenable.isPresent()) {
            results.failed(request.shareId(), request.eventId(), 0, true, unopenable.get(), request.recipientEmail());
            AfterCommit.run(() -> metrics.failed(NotificationMetrics.UNOPENABLE));
            log.error("Notification {} for share {} failed permanently, nothing sent: {}", request.messageId(),
                    request.shareId(), unopenable.get());
            return;
        }
        if (notifications.add(request)) {
            log.info("Notification {} for share {} taken into the send log", request.messageId(), request.shareId());
            AfterCommit.run(signal::wakeUp);
        }
    }

    /**
     * A share by link: one e-mail per recipient, each reported on its own. Without {@code notify}, or without
     * recipients (a version-1 event), nothing is sent and nothing reported — a link has no notification state of its
     * own to settle, only its recipients' — and the event is marked processed. A link that does not open fails every
     * recipient's notification at once.
     */
    @Transactional
    public void accept(LinkNotificationRequest request) {
        if (!processedEvents.markProcessed(CONSUMER, request.eventId())) {
            log.debug("Event {} of link {} already processed", request.eventId(), request.shareId());
            return;
        }
        if (!request.sendsEmail()) {
            log.debug("Link {} has no one to e-mail (notify={}, {} recipients)", request.shareId(), request.notifyRecipients(),
                    request.recipients().size());
            return;
        }
        Optional<String> unopenable = whyTheLinkDoesNotOpen(request.shareId(), request.sealedLink(),
                "The event carries no share link (no sealedLink)");
        if (unopenable.isPresent()) {
            for (String recipient : request.recipients()) {
                results.failed(request.shareId(), request.eventId(), 0, true, unopenable.get(), recipient);
                AfterCommit.run(() -> metrics.failed(NotificationMetrics.UNOPENABLE));
            }
            log.error("The e-mails of link {} to {} recipient(s) failed permanently, nothing sent: {}",
                    request.shareId(), request.recipients().size(), unopenable.get());
            return;
        }
        int added = notifications.addLink(request);
        if (added > 0) {
            log.info("{} e-mail(s) of link {} taken into the send log", added, request.shareId());
            AfterCommit.run(signal::wakeUp);
        }
    }

    /**
     * A share was revoked: its e-mails still waiting to be sent are dropped ({@link Notifications#dropPendingOf}),
     * once per event; nothing is reported (the share is REVOKED, its e-mail state no longer matters).
     */
    @Transactional
    public void accept(ShareRevocation revocation) {
        if (!processedEvents.markProcessed(CONSUMER, revocation.eventId())) {
            log.debug("Event {} of share {} already processed", revocation.eventId(), revocation.shareId());
            return;
        }
        int dropped = notifications.dropPendingOf(revocation.shareId());
        log.info("Share {} was revoked: {} e-mail(s) still to send dropped", revocation.shareId(), dropped);
    }

    /**
     * A new user's registration e-mail: one row of the send log, sent by the dispatcher like the others. Nothing is
     * reported on the notifications topic (it is not a share's); a link that does not open is a FAILED row at once
     * with the cause, logged at ERROR, the event marked processed.
     */
    @Transactional
    public void accept(RegistrationLinkRequest request) {
        if (!processedEvents.markProcessed(CONSUMER, request.eventId())) {
            log.debug("Event {} of user {} already processed", request.eventId(), request.userId());
            return;
        }
        Optional<String> unopenable = whyTheRegistrationLinkDoesNotOpen(request);
        if (unopenable.isPresent()) {
            notifications.addFailedRegistration(request, unopenable.get());
            AfterCommit.run(() -> metrics.failed(NotificationMetrics.UNOPENABLE));
            log.error("Registration e-mail {} for user {} failed permanently, nothing sent: {}; the user can be "
                    + "re-invited (POST /v1/users/{id}/invitations)", request.messageId(), request.userId(),
                    unopenable.get());
            return;
        }
        if (notifications.addRegistration(request)) {
            log.info("Registration e-mail {} for user {} taken into the send log", request.messageId(), request.userId());
            AfterCommit.run(signal::wakeUp);
        }
    }

    private Optional<String> whyTheRegistrationLinkDoesNotOpen(RegistrationLinkRequest request) {
        if (request.sealedLink() == null) {
            return Optional.of("The event carries no registration link");
        }
        try {
            links.openRegistration(request.userId(), request.sealedLink());
            return Optional.empty();
        } catch (SealedFieldException e) {
            return Optional.of(LinkSealer.registrationReason(e));
        }
    }

    /** Opens the link once, only to see that it does (the plaintext is dropped at once); empty when it does. */
    private Optional<String> whyTheLinkDoesNotOpen(UUID shareId, byte[] sealedLink, String whenMissing) {
        if (sealedLink == null) {
            return Optional.of(whenMissing);
        }
        try {
            links.open(shareId, sealedLink);
            return Optional.empty();
        } catch (SealedFieldException e) {
            return Optional.of(LinkSealer.reason(e));
        }
    }
}
