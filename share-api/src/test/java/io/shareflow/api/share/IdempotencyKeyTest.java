package io.shareflow.api.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.shareflow.api.share.model.LinkToken;
import io.shareflow.domain.InvalidRequest;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

    private final UUID org = UUID.randomUUID();
    private final UUID user = UUID.randomUUID();

    @Test
    void aSealedResponseOpensOnlyWithTheSameKey() {
        IdempotencyKey key = IdempotencyKey.of(org, user, "key-1");
        byte[] sealed = key.seal("{\"url\":\"secret\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("secret");
        assertThat(IdempotencyKey.of(org, user, "key-1").open(sealed)).asString(StandardCharsets.UTF_8)
                .isEqualTo("{\"url\":\"secret\"}");
        assertThatThrownBy(() -> IdempotencyKey.of(org, user, "key-2").open(sealed))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> IdempotencyKey.of(org, UUID.randomUUID(), "key-1").open(sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keysAreScopedToTheUser() {
        assertThat(IdempotencyKey.of(org, user, "k").lookupHash())
                .isEqualTo(IdempotencyKey.of(org, user, "k").lookupHash())
                .isNotEqualTo(IdempotencyKey.of(org, UUID.randomUUID(), "k").lookupHash());
    }

    @Test
    void keysAreVisibleAsciiUpTo255Characters() {
        IdempotencyKey.of(org, user, "k".repeat(255));
        for (String bad : new String[] {"", "k".repeat(256), "with space", "ünïcode"}) {
            assertThatThrownBy(() -> IdempotencyKey.of(org, user, bad))
                    .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.field()).isEqualTo("Idempotency-Key"));
        }
    }

    @Test
    void linkTokensAreLongRandomAndUrlSafe() {
        LinkToken token = LinkToken.generate();

        assertThat(token.value()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(token.value()).isNotEqualTo(LinkToken.generate().value());
        assertThat(token.hash()).hasSize(32);
        assertThat(token.toString()).doesNotContain(token.value());
    }
}
