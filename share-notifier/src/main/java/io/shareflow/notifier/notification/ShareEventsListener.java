package io.shareflow.notifier.notification;

import io.shareflow.events.ShareNotificationRequested;
import io.shareflow.events.ShareRequested;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Thin listener on the share events: the two that ask for an e-mail go to
 * {@link NotificationRequests}; the other share events are not this service's business. Failures
 * are left to the container's error handler (retries, then the dead-letter topic).
 */
@Component
class ShareEventsListener {

    private final NotificationRequests requests;

    ShareEventsListener(NotificationRequests requests) {
        this.requests = requests;
    }

    @KafkaListener(topics = "${shareflow.notifier.topics.share-events:share.events.v1}")
    void onShareEvent(ConsumerRecord<String, SpecificRecord> record) {
        try (var shareId = MDC.putCloseable("shareId", record.key())) {
            SpecificRecord event = record.value();
            if (event instanceof ShareRequested requested) {
                requests.accept(ShareEvents.toRequest(requested));
            } else if (event instanceof ShareNotificationRequested resend) {
                requests.accept(ShareEvents.toRequest(resend));
            }
        }
    }
}
