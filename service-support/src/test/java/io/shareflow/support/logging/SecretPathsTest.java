package io.shareflow.support.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;

class SecretPathsTest {

    private static final String TOKEN = "q3Zk1fVwS0m5yY2b7Jx9AgQ3Zk1fVwS0m5yY2b7Jx9A";
    private final SecretPaths paths = new SecretPaths(List.of("/register/", "v1/registrations"));

    @Test
    void cutsTheSegmentAfterEachMaskedPathWhereverItIs() {
        assertThat(paths.mask("POST \"/v1/registrations/" + TOKEN + "\", parameters={}"))
                .isEqualTo("POST \"/v1/registrations/…\", parameters={}");
        assertThat(paths.mask("Securing GET /register/" + TOKEN + "?x=1"))
                .isEqualTo("Securing GET /register/…?x=1");
        assertThat(paths.mask("link http://localhost:8081/register/" + TOKEN + " and v1/registrations/" + TOKEN + "/"))
                .isEqualTo("link http://localhost:8081/register/… and v1/registrations/…/");
        assertThat(paths.mask("percent /register/abc%2Fdef= end")).isEqualTo("percent /register/… end");
        assertThat(paths.holdsSecret("POST /v1/registrations/" + TOKEN)).isTrue();
    }

    @Test
    void leavesOtherTextAlone() {
        assertThat(paths.mask("GET /v1/users/123 and /unregister/" + TOKEN)).isEqualTo("GET /v1/users/123 and /unregister/" + TOKEN);
        assertThat(paths.mask("/register/ alone")).isEqualTo("/register/ alone");
        assertThat(paths.holdsSecret(null)).isFalse();
        assertThat(paths.mask(null)).isNull();
        assertThat(paths.paths()).containsExactly("register", "v1/registrations");
    }

    @Test
    void refusesWhatIsNotAPath() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SecretPaths(List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> new SecretPaths(List.of("  ")));
        assertThatIllegalArgumentException().isThrownBy(() -> new SecretPaths(List.of("a b")));
    }
}
