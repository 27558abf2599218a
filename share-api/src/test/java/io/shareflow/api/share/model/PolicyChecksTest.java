package io.shareflow.api.share.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import io.shareflow.api.policy.model.SharingPolicy;
import io.shareflow.domain.RefusedRequest;
import org.junit.jupiter.api.Test;

class PolicyChecksTest {

    private final SharingPolicy policy = SharingPolicy.of("downloader", List.of("acme.example"), null, null, null);

    @Test
    void theGrantedRoleIsTheRequestedOneUpToTheMaximum() {
        assertThat(PolicyChecks.grantedRole(policy, Role.VIEWER)).isEqualTo(Role.VIEWER);
        assertThat(PolicyChecks.grantedRole(policy, Role.DOWNLOADER)).isEqualTo(Role.DOWNLOADER);
        assertThat(PolicyChecks.grantedRole(policy, Role.MANAGER)).isEqualTo(Role.DOWNLOADER);
        for (Role role : Role.values()) {
            assertThat(PolicyChecks.grantedRole(SharingPolicy.DEFAULT, role)).isEqualTo(role);
        }
    }

    @Test
    void theFirstRecipientOutsideTheDomainsIsNamedByWhereTheRequestNamedThem() {
        List<Recipient> recipients = List.of(new Recipient("ann@acme.example", null, null, "recipients[0].email"),
                new Recipient("eve@other.example", UUID.randomUUID(), "Eve", "recipients[1].userId"),
                new Recipient("zed@other.example", null, null, "recipients[2].email"));

        assertThatThrownBy(() -> PolicyChecks.checkRecipients(policy, recipients))
                .isInstanceOfSatisfying(RefusedRequest.class,
                        e -> assertThat(e.details()).containsEntry("field", "recipients[1].userId"));
        PolicyChecks.checkRecipients(policy, recipients.subList(0, 1));
    }
}
