package io.shareflow.api.share.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.shareflow.domain.InvalidRequest;
import io.shareflow.domain.PasswordPolicy;
import io.shareflow.domain.RefusedRequest;
import io.shareflow.domain.StoredTime;

/**
 * The rules of a change of a share ({@code PATCH /v1/shares/{id}}) that need the share itself: a link grants at most
 * {@code downloader}; an expiry is in the future (or cleared with {@code "expiresAt": null}); {@code password} and
 * {@code audience} are a link's; audience {@code password} needs a password (a new one, or the one it has), a password
 * is only for that audience; audience {@code users} needs the link to have recipients (422: the recipients are not
 * part of the change). All 400 naming the field, but that last one.
 */
public final class ShareChangeRules {

    private ShareChangeRules() {
    }

    /**
     * What the share is before the change.
     *
     * @param audience    a link's; null for a direct share
     * @param expiresAt   null = never
     * @param hasPassword a password link has its password
     * @param recipients  how many recipients a link has
     */
    public record Current(boolean link, Role role, Instant expiresAt, Audience audience, boolean hasPassword,
                          int recipients) {
    }

    /**
     * @param draft the change as asked for, its fields valid on their own
     * @param now   the time of the request, for the expiry
     * @throws InvalidRequest  naming the first offending field
     * @throws RefusedRequest  for audience {@code users} on a link without recipients
     */
    public static ShareChange validate(ShareChangeDraft draft, Current current, Instant now) {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(current, "current");
        if (draft.role() != null && current.link() && !LinkRules.LINK_ROLES.contains(draft.role())) {
            throw new InvalidRequest("role", "a link grants at most downloading: one of viewer, downloader");
        }
        Instant expiresAt = current.expiresAt();
        if (draft.expiresAtGiven()) {
            expiresAt = StoredTime.of(draft.expiresAt());
            if (expiresAt != null && !expiresAt.isAfter(now)) {
                throw new InvalidRequest("expiresAt", "must be a future date (null to never expire)");
            }
        }
        if (!current.link()) {
            if (draft.password() != null) {
                throw new InvalidRequest("password", "is only for links");
            }
            if (draft.audience() != null) {
                throw new InvalidRequest("audience", "is only for links");
            }
        }
        Audience audience = draft.audience() != null ? draft.audience() : current.audience();
        if (draft.password() != null) {
            if (audience != Audience.PASSWORD) {
                throw new InvalidRequest("password", "is only for audience password");
            }
            PasswordPolicy.violation(draft.password()).ifPresent(violation -> {
                throw new InvalidRequest("password", violation);
            });
        }
        if (audience == Audience.PASSWORD && draft.password() == null
                && !(current.audience() == Audience.PASSWORD && current.hasPassword())) {
            throw new InvalidRequest("password", "is required for audience password");
        }
        if (audience == Audience.USERS && current.audience() != Audience.USERS && current.recipients() == 0) {
            throw new RefusedRequest("Audience users needs recipients, and this link has none.",
                    Map.of("field", "audience"));
        }

        Role role = draft.role() != null ? draft.role() : current.role();
        List<String> changes = new ArrayList<>();
        List<String> described = new ArrayList<>();
        if (role != current.role()) {
            changes.add("role");
            described.add("role " + current.role().value() + " -> " + role.value());
        }
        if (!Objects.equals(expiresAt, current.expiresAt())) {
            changes.add("expiresAt");
            described.add("expiresAt " + never(current.expiresAt()) + " -> " + never(expiresAt));
        }
        if (draft.password() != null) {
            changes.add("password");
            described.add("password");
        }
        if (audience != current.audience()) {
            changes.add("audience");
            described.add("audience " + current.audience().value() + " -> " + audience.value());
        }
        return new ShareChange(role, expiresAt, audience, draft.password(), List.copyOf(changes),
                String.join("; ", described));
    }

    private static String never(Instant instant) {
        return instant == null ? "never" : instant.toString();
    }
}
