package io.shareflow.api.share;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.shareflow.api.share.model.Audience;
import io.shareflow.api.share.model.Role;
import io.shareflow.api.share.model.ShareChangeDraft;
import io.shareflow.api.share.model.ShareChangeRules;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code PATCH /v1/shares/{shareId}}: {@code role}, {@code expiresAt}, and for links {@code password} and
 * {@code audience}; each absent field is left as it is. {@code "expiresAt": null} clears the expiry (never), which is
 * why this is a class that remembers which fields were given, not a record: a record cannot tell an absent field from
 * a null one. Each field is checked on its own here (type, Bean Validation); what needs the share is
 * {@link ShareChangeRules}'.
 *
 * <p>The password is never logged ({@link #toString()}) and, as for link creation, has no Bean Validation (Spring
 * would log a refused value): its rules are the domain's.
 */
final class ShareChangeRequest {

    @Pattern(regexp = "viewer|downloader|contributor|manager",
            message = "must be one of viewer, downloader, contributor, manager")
    private String role;

    @Future
    private Instant expiresAt;

    private boolean expiresAtGiven;

    private String password;

    @Pattern(regexp = "anyone|organization|users|password",
            message = "must be one of anyone, organization, users, password")
    private String audience;

    @JsonProperty("role")
    void setRole(String role) {
        this.role = role;
    }

    @JsonProperty("expiresAt")
    void setExpiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
        this.expiresAtGiven = true;
    }

    @JsonProperty("password")
    void setPassword(String password) {
        this.password = password;
    }

    @JsonProperty("audience")
    void setAudience(String audience) {
        this.audience = audience;
    }

    /** The change for the domain; call it on a validated request only. */
    ShareChangeDraft toDraft() {
        return new ShareChangeDraft(role == null ? null : Role.parse(role).orElseThrow(), expiresAtGiven, expiresAt,
                password, audience == null ? null : Audience.parse(audience).orElseThrow());
    }

    @Override
    public String toString() {
        return "ShareChangeRequest[role=" + role + ", expiresAt=" + (expiresAtGiven ? String.valueOf(expiresAt) : "-")
                + ", password=" + (password == null ? "-" : "***") + ", audience=" + audience + "]";
    }
}
