package io.shareflow.api.policy;

import java.util.List;

import io.shareflow.api.policy.model.SharingPolicy;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /v1/sharing-policy}: the whole policy; an absent field takes its default (see
 * {@link SharingPolicy#of}). Each field is checked on its own here (400 naming it, e.g.
 * {@code allowedRecipientDomains[1]}); {@code requireExpiry} without {@code maxExpiryDays} is the domain's.
 */
record SharingPolicyRequest(
        @Pattern(regexp = "viewer|downloader|contributor|manager",
                message = "must be one of viewer, downloader, contributor, manager") String maxRole,
        @Size(max = SharingPolicy.MAX_DOMAINS, message = "must not name more than " + SharingPolicy.MAX_DOMAINS
                + " domains")
        List<@NotNull(message = "must be a domain name, e.g. example.com")
             @Size(max = SharingPolicy.MAX_DOMAIN_LENGTH, message = "must be a domain name, e.g. example.com")
             @Pattern(regexp = SharingPolicy.DOMAIN_NAME, message = "must be a domain name, e.g. example.com")
                String> allowedRecipientDomains,
        List<@NotNull(message = "must be one of anyone, organization, users, password")
             @Pattern(regexp = "anyone|organization|users|password",
                     message = "must be one of anyone, organization, users, password") String> linkAudiences,
        @Min(1) @Max(SharingPolicy.MAX_EXPIRY_DAYS) Integer maxExpiryDays,
        Boolean requireExpiry) {

    /** The policy for the domain; call it on a validated request only. */
    SharingPolicy toPolicy() {
        return SharingPolicy.of(maxRole, allowedRecipientDomains, linkAudiences, maxExpiryDays, requireExpiry);
    }
}
