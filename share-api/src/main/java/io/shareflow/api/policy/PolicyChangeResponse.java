package io.shareflow.api.policy;

import java.time.Instant;
import java.util.UUID;

import io.shareflow.api.policy.model.PolicyChange;

/** One entry of {@code GET /v1/sharing-policy/history}: who changed the policy, when, from what to what. */
record PolicyChangeResponse(Instant changedAt, ChangedBy changedBy, SharingPolicyResponse before,
                            SharingPolicyResponse after) {

    /** As the changer's token named them; {@code name} and {@code email} may be null. */
    record ChangedBy(UUID userId, String name, String email) {
    }

    static PolicyChangeResponse of(PolicyChange change) {
        return new PolicyChangeResponse(change.changedAt(), new ChangedBy(change.changedBy().userId(),
                change.changedBy().name(), change.changedBy().email()), SharingPolicyResponse.of(change.before()),
                SharingPolicyResponse.of(change.after()));
    }
}
