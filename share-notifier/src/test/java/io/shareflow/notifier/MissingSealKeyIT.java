package io.shareflow.notifier;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The notifier opens and seals links, so it does not start without its key, and says which setting is missing. */
class MissingSealKeyIT {

    private final SeparateNotifier notifier = new SeparateNotifier("keyless");

    @Test
    void doesNotStartWithoutAKey() {
        assertThatThrownBy(() -> notifier.start(null).close())
                .hasStackTraceContaining("needs SHAREFLOW_EVENTS_SEAL_KEY (shareflow.events.seal-key)")
                .hasStackTraceContaining("SHAREFLOW_EVENTS_SEAL_KEY is not set");
    }

    @Test
    void doesNotStartWithAMalformedKey() {
        assertThatThrownBy(() -> notifier.start("k1:not-32-bytes").close())
                .hasStackTraceContaining("needs SHAREFLOW_EVENTS_SEAL_KEY (shareflow.events.seal-key)")
                .hasStackTraceContaining("must be 32 bytes");
    }
}
