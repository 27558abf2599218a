package io.shareflow.api.share.model;

import java.util.List;

import io.shareflow.api.policy.model.SharingPolicy;
import io.shareflow.domain.RefusedRequest;

/**
 * The organisation's {@link SharingPolicy} in this feature's types (the policy speaks the API's lower-case role
 * strings, so that it does not depend on {@code share}).
 */
public final class PolicyChecks {

    private PolicyChecks() {
    }

    /** The role a share asking for {@code requested} gets: it, or the policy's {@code maxRole} when that is lower. */
    public static Role grantedRole(SharingPolicy policy, Role requested) {
        return Role.parse(policy.capRole(requested.value())).orElseThrow();
    }

    /**
     * Refuses the first recipient outside the policy's domains, naming where the request named them (a user id is
     * checked by the user's address).
     *
     * @throws RefusedRequest (422)
     */
    public static void checkRecipients(SharingPolicy policy, List<Recipient> recipients) {
        for (Recipient recipient : recipients) {
            policy.checkRecipient(recipient.field() == null ? "recipientEmail" : recipient.field(), recipient.email());
        }
    }
}
