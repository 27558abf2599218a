package io.shareflow.notifier.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import io.shareflow.notifier.mail.LinkInvitation;
import org.junit.jupiter.api.Test;

class LinkNotificationRequestTest {

    private static final UUID SHARE = UUID.fromString("5b0c1f52-3d7e-4a8e-9f0a-2c6e1d4b7a90");

    @Test
    void theMessageIdIsPerShareAndRecipientAndShowsNoAddress() {
        String id = LinkNotificationRequest.messageId(SHARE, "Carol.Jones@Example.com");

        assertThat(id).matches("<share-" + SHARE + "-0-[0-9a-f]{16}@shareflow>")
                .doesNotContainIgnoringCase("carol").doesNotContainIgnoringCase("example");
        assertThat(id).as("the same every time, whatever the case of the address")
                .isEqualTo(LinkNotificationRequest.messageId(SHARE, "carol.jones@example.com"));
        assertThat(LinkNotificationRequest.messageId(SHARE, "dave@example.com")).isNotEqualTo(id);
        assertThat(LinkNotificationRequest.messageId(UUID.randomUUID(), "carol.jones@example.com")).isNotEqualTo(id);
    }

    @Test
    void theRecipientHashIsTheStartOfTheSha256OfTheLowerCasedAddress() {
        // printf 'a@example.com' | sha256sum → 08168cd80dfd534ab0f10af10f1303fe…
        assertThat(LinkNotificationRequest.recipientHash("A@Example.COM")).isEqualTo("08168cd80dfd534a");
    }

    @Test
    void addressesThatDifferOnlyInCaseAreOneRecipientTheFirstKept() {
        LinkNotificationRequest request = new LinkNotificationRequest(UUID.randomUUID(), SHARE,
                List.of("b@example.com", "A@example.com", "a@EXAMPLE.com", "c@example.com", "B@example.com"), true,
                anInvitation(), new byte[] {1});

        assertThat(request.recipients()).containsExactly("b@example.com", "A@example.com", "c@example.com");
    }

    @Test
    void sendsOnlyWithNotifyAndRecipients() {
        assertThat(request(true, List.of("a@example.com")).sendsEmail()).isTrue();
        assertThat(request(false, List.of("a@example.com")).sendsEmail()).isFalse();
        assertThat(request(true, List.of()).sendsEmail()).isFalse();
    }

    private static LinkNotificationRequest request(boolean notify, List<String> recipients) {
        return new LinkNotificationRequest(UUID.randomUUID(), SHARE, recipients, notify, anInvitation(), new byte[] {1});
    }

    private static LinkInvitation anInvitation() {
        return new LinkInvitation("Ada", "ada@example.com", "r", "file", "viewer", "anyone", null, null, null, null);
    }
}
