package io.shareflow.api.opening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class LinkControllerTest {

    @Test
    void aPasswordSentAsUtf8BytesIsReadAsUtf8() {
        String password = "pässwörd-ünïcode-€";
        String asTheContainerReadsIt = new String(password.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertThat(LinkController.utf8(asTheContainerReadsIt)).isEqualTo(password);
        assertThat(LinkController.utf8("plain ascii")).isEqualTo("plain ascii");
        // Latin-1 bytes that are no UTF-8 stay as they came.
        assertThat(LinkController.utf8("caf\u00e9")).isEqualTo("caf\u00e9");
        assertThat(LinkController.utf8(null)).isNull();
    }

    @Test
    void retryAfterIsInWholeSecondsRoundedUp() {
        assertThat(LinkController.seconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(LinkController.seconds(Duration.ofMillis(1001))).isEqualTo(2);
        assertThat(LinkController.seconds(Duration.ofMinutes(15))).isEqualTo(900);
    }
}
