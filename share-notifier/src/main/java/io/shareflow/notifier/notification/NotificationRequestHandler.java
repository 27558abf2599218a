package io.shareflow.notifier.notification;

import io.shareflow.notifier.mail.InvitationRenderer;
import io.shareflow.notifier.mail.RenderedEmail;
import io.shareflow.outbox.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a share event's notification request into the send log, once per event. The e-mail is
 * rendered here, so every attempt sends exactly the same thing; sending is the dispatcher's job.
 */
@Service
class NotificationRequestHandler {

    /** This service's name in the processed-event log. */
    static final String CONSUMER = "share-notifier";

    private static final Logger log = LoggerFactory.getLogger(NotificationRequestHandler.class);

    private final ProcessedEvents processedEvents;
    private final Notifications notifications;
    private final InvitationRenderer renderer;
    private final NotificationResultPublisher results;
    private final DispatchSignal signal;
    private final NotificationMetrics metrics;

    NotificationRequestHandler(ProcessedEvents processedEvents, Notifications notifications, InvitationRenderer renderer,
                               NotificationResultPublisher results, DispatchSignal signal, NotificationMetrics metrics) {
        this.processedEvents = processedEvents;
        this.notifications = notifications;
        this.renderer = renderer;
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
            results.skipped(request.shareId(), request.eventId());
            AfterCommit.run(metrics::skipped);
            log.info("Share {} has notify=false: no e-mail", request.shareId());
            return;
        }
        RenderedEmail email = renderer.render(request.invitation());
        if (notifications.add(request, email)) {
            AfterCommit.run(signal::wakeUp);
        }
    }
}
