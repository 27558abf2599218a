package io.shareflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.shareflow.events.NotificationSent;
import io.shareflow.events.ShareRequested;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The code generator is configured so that events use java.util.UUID, java.time.Instant and String. */
class GeneratedClassesTest {

    @Test
    void uuidTimestampAndStringFieldsHaveJavaTypes() throws NoSuchMethodException {
        assertThat(ShareRequested.class.getMethod("getEventId").getReturnType()).isEqualTo(UUID.class);
        assertThat(ShareRequested.class.getMethod("getRecipientUserId").getReturnType()).isEqualTo(UUID.class);
        assertThat(ShareRequested.class.getMethod("getOccurredAt").getReturnType()).isEqualTo(Instant.class);
        assertThat(ShareRequested.class.getMethod("getExpiresAt").getReturnType()).isEqualTo(Instant.class);
        assertThat(ShareRequested.class.getMethod("getRecipientEmail").getReturnType()).isEqualTo(String.class);
        assertThat(ShareRequested.class.getMethod("getSubject").getReturnType()).isEqualTo(String.class);
    }

    @Test
    void skippedDefaultsToFalse() {
        NotificationSent sent = NotificationSent.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(Instant.now())
                .setShareId(UUID.randomUUID()).setCausationEventId(UUID.randomUUID())
                .setMessageId(null).setAttempt(1)
                .build();

        assertThat(sent.getSkipped()).isFalse();
    }
}
