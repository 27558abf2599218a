package io.shareflow.api.policy;

import java.util.List;

import io.shareflow.api.policy.model.SharingPolicy;

/**
 * A sharing policy as the API shows it. {@code allowedRecipientDomains} empty = any domain (a domain also allows its
 * subdomains); {@code linkAudiences} empty = no link; {@code maxExpiryDays} null = no maximum.
 */
record SharingPolicyResponse(String maxRole, List<String> allowedRecipientDomains, List<String> linkAudiences,
                             Integer maxExpiryDays, boolean requireExpiry) {

    static SharingPolicyResponse of(SharingPolicy policy) {
        return new SharingPolicyResponse(policy.maxRole(), policy.allowedRecipientDomains(), policy.linkAudiences(),
                policy.maxExpiryDays(), policy.requireExpiry());
    }
}
