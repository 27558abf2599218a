package io.shareflow.api.share;

import java.net.URI;
import java.util.Arrays;
import java.util.UUID;

import io.shareflow.api.access.model.OrganizationRoles;
import io.shareflow.api.share.model.ShareType;
import io.shareflow.api.share.model.Sharer;
import io.shareflow.api.status.model.ShareStatus;
import io.shareflow.domain.InvalidRequest;
import io.shareflow.domain.PageRequest;
import io.shareflow.support.openapi.ApiErrors;
import io.shareflow.support.openapi.ApiExample;
import io.shareflow.support.openapi.ErrorExample;
import io.shareflow.support.security.CurrentUser;
import io.shareflow.support.web.DataEnvelope;
import io.shareflow.support.web.PageEnvelope;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/shares")
class ShareController {

    private final ShareService sharing;
    private final LinkShareService linkSharing;
    private final ShareFinder finder;
    private final ShareManagement management;

    ShareController(ShareService sharing, LinkShareService linkSharing, ShareFinder finder,
                    ShareManagement management) {
        this.sharing = sharing;
        this.linkSharing = linkSharing;
        this.finder = finder;
        this.management = management;
    }

    @Operation(summary = "Share a resource with people: one share and one e-mail invitation per recipient",
            description = "recipientEmail and/or recipients (1..100 in all); role defaults to viewer. An Idempotency-Key "
                    + "makes a retry answer the same; the same key with another body is 409.")
    @ApiExample(status = 202, request = ShareExamples.SHARE_REQUEST, response = ShareExamples.SHARE_ACCEPTED)
    @ApiErrors(value = {403, 404, 409, 422, 429}, field = "recipients[1].email", examples = {
            @ErrorExample(status = 409, message = "The Idempotency-Key was already used for a different request."),
            @ErrorExample(status = 422, name = "EntityType", message = "Operation not allowed for this entity type.",
                    extension = """
                            {"entityType": "Document"}"""),
            @ErrorExample(status = 422, name = "RecipientOfAnotherOrganisation",
                    message = "The recipient is a user of another organisation.", extension = """
                            {"recipientEmail": "dave@globex.example"}"""),
            @ErrorExample(status = 422, name = "PolicyRecipientDomain",
                    message = "The organisation's sharing policy does not allow sharing with this address.",
                    extension = """
                            {"field": "recipients[1].email", "allowedRecipientDomains": ["example.com", "partner.example"]}"""),
            @ErrorExample(status = 422, name = "PolicyMaxExpiry",
                    message = "The organisation's sharing policy allows shares of at most 90 days.", extension = """
                            {"field": "expiresAt", "maxExpiryDays": 90}"""),
            @ErrorExample(status = 429, message = "Too many recipients shared with in a minute (at most 600 per user);"
                    + " retry after 12 s.")})
    @PostMapping("/{resourceId}")
    ResponseEntity<DataEnvelope<ShareAccepted>> share(CurrentUser user, @PathVariable UUID resourceId,
                                                      @RequestHeader(name = IdempotencyKey.HEADER, required = false)
                                                      String idempotencyKey,
                                                      @Valid @RequestBody ShareRequest body) {
        ShareAccepted accepted = sharing.share(sharer(user), resourceId, body.toDraft(), idempotencyKey);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/v1/shares/" + accepted.firstShareId()))
                .body(DataEnvelope.of(accepted));
    }

    @Operation(summary = "Share a resource by link (ACTIVE at once), e-mailed to its recipients if any",
            description = "audience anyone | organization | users | password; password exactly for audience password; "
                    + "durationHours or expiresAt. An Idempotency-Key makes a retry answer the same.")
    @ApiExample(status = 201, request = ShareExamples.LINK_REQUEST, response = ShareExamples.LINK_CREATED)
    @ApiErrors(value = {403, 404, 409, 422, 429}, field = "password", examples = {
            @ErrorExample(status = 409, message = "The Idempotency-Key was already used for a different request."),
            @ErrorExample(status = 422, name = "EntityType", message = "Operation not allowed for this entity type.",
                    extension = """
                            {"entityType": "Document"}"""),
            @ErrorExample(status = 422, name = "PolicyLinkAudience",
                    message = "The organisation's sharing policy does not allow links with this audience.",
                    extension = """
                            {"field": "audience", "linkAudiences": ["organization", "users", "password"]}"""),
            @ErrorExample(status = 422, name = "PolicyRecipientDomain",
                    message = "The organisation's sharing policy does not allow sharing with this address.",
                    extension = """
                            {"field": "recipients[0].email", "allowedRecipientDomains": ["example.com"]}"""),
            @ErrorExample(status = 422, name = "PolicyMaxExpiry",
                    message = "The organisation's sharing policy allows shares of at most 90 days.", extension = """
                            {"field": "durationHours", "maxExpiryDays": 90}"""),
            @ErrorExample(status = 429, message = "Too many recipients shared with in a minute (at most 600 per user);"
                    + " retry after 12 s.")})
    @PostMapping("/{resourceId}/links")
    ResponseEntity<DataEnvelope<LinkCreated>> link(CurrentUser user, @PathVariable UUID resourceId,
                                                   @RequestHeader(name = IdempotencyKey.HEADER, required = false)
                                                   String idempotencyKey,
                                                   @Valid @RequestBody LinkRequest body) {
        LinkCreated created = linkSharing.create(sharer(user), resourceId, body.toDraft(), idempotencyKey);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/v1/shares/" + created.shareId()))
                .body(DataEnvelope.of(created));
    }

    @Operation(summary = "A share (direct or link) with its history; the url again for whoever may change it")
    @ApiExample(response = ShareExamples.SHARE)
    @ApiErrors(404)
    @GetMapping("/{shareId}")
    DataEnvelope<ShareDetails> get(CurrentUser user, @PathVariable UUID shareId) {
        OrganizationRoles.requireMember(user.roles(), "Share");
        return DataEnvelope.of(finder.get(user, shareId));
    }

    /** 200 with the share as {@code GET} shows it, after the change. */
    @Operation(summary = "Change a share's role and expiry, and a link's password or audience (its sharer, an admin, "
            + "or a manager of the resource)",
            description = "Each field left out stays as it is; \"expiresAt\": null clears the expiry. The organisation's "
                    + "sharing policy applies as on a new share: a role above maxRole is lowered (requestedRole tells), "
                    + "an expiry past maxExpiryDays or an audience it does not allow is 422. A revoked, rejected or "
                    + "expired share is 409. Answers the share as GET shows it.")
    @ApiExample(request = ShareExamples.PATCH_REQUEST, response = ShareExamples.SHARE_CHANGED)
    @ApiErrors(value = {403, 404, 409, 422}, field = "expiresAt", examples = {
            @ErrorExample(status = 403, message = "Only the sharer, an admin of the organisation or a manager of the resource may change, revoke or re-send this share."),
            @ErrorExample(status = 409, message = "The share is REVOKED and can no longer be changed."),
            @ErrorExample(status = 422, name = "PolicyMaxExpiry",
                    message = "The organisation's sharing policy allows shares of at most 90 days.", extension = """
                            {"field": "expiresAt", "maxExpiryDays": 90}"""),
            @ErrorExample(status = 422, name = "PolicyLinkAudience",
                    message = "The organisation's sharing policy does not allow links with this audience.",
                    extension = """
                            {"field": "audience", "linkAudiences": ["organization", "password"]}"""),
            @ErrorExample(status = 422, name = "AudienceUsersWithoutRecipients",
                    message = "Audience users needs recipients, and this link has none.", extension = """
                            {"field": "audience"}""")})
    @PatchMapping("/{shareId}")
    DataEnvelope<ShareDetails> change(CurrentUser user, @PathVariable UUID shareId,
                                      @Valid @RequestBody ShareChangeRequest body) {
        management.change(user, shareId, body.toDraft());
        return DataEnvelope.of(finder.get(user, shareId));
    }

    /** 204, also for a share revoked before (nothing happens again). */
    @Operation(summary = "Revoke a share (its sharer, an admin, or a manager of the resource)",
            description = "The share stops granting at once and ShareRevoked is published; a share revoked before "
                    + "answers 204 again and nothing happens.")
    @ApiExample(status = 204)
    @ApiErrors(value = {403, 404}, examples =
            @ErrorExample(status = 403, message = "Only the sharer, an admin of the organisation or a manager of the resource may change, revoke or re-send this share."))
    @DeleteMapping("/{shareId}")
    ResponseEntity<Void> revoke(CurrentUser user, @PathVariable UUID shareId) {
        management.revoke(user, shareId);
        return ResponseEntity.noContent().build();
    }

    /** 202 with the share's {@code Location}: the e-mail is on its way; the share's history and status tell how it went. */
    @Operation(summary = "Send a share's invitation again (its sharer, an admin, or a manager of the resource)",
            description = "No body. A direct share's recipient, or each recipient of a link, gets the e-mail again; "
                    + "the recipients count against the caller's sharing rate limit. 202 with the share's Location: "
                    + "its history and status tell how it went.")
    @ApiExample(status = 202)
    @ApiErrors(value = {403, 404, 409, 422, 429}, examples = {
            @ErrorExample(status = 403, message = "Only the sharer, an admin of the organisation or a manager of the resource may change, revoke or re-send this share."),
            @ErrorExample(status = 409, name = "FinalShare",
                    message = "The share is EXPIRED and can no longer be re-sent."),
            @ErrorExample(status = 409, name = "LinkNotKept", message = "This share was made before its link was kept, "
                    + "so its invitation cannot be sent again; share the resource again."),
            @ErrorExample(status = 422, message = "This link has no recipients to e-mail."),
            @ErrorExample(status = 429, message = "Too many recipients shared with in a minute (at most 600 per user);"
                    + " retry after 12 s.")})
    @PostMapping("/{shareId}/notifications")
    ResponseEntity<Void> resend(CurrentUser user, @PathVariable UUID shareId) {
        management.resend(user, shareId);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/v1/shares/" + shareId)).build();
    }

    @Operation(summary = "The organisation's shares, newest first, paged (history and url left out)")
    @ApiExample(response = ShareExamples.SHARES)
    @ApiErrors(value = 404, field = "status")
    @GetMapping
    PageEnvelope<ShareDetails> list(CurrentUser user, @RequestParam(required = false) UUID resourceId,
                                    @RequestParam(required = false) String status,
                                    @RequestParam(required = false) String recipientEmail,
                                    @RequestParam(required = false) String type,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        OrganizationRoles.requireMember(user.roles(), "Share");
        return PageEnvelope.of(finder.search(user.organizationId(),
                new ShareFilter(resourceId, status(status), recipientEmail, type(type)), PageRequest.of(page, size)));
    }

    /** The sharer as the token names them; the invitation names the sharer, tokens without name fall back to the address. */
    private static Sharer sharer(CurrentUser user) {
        String email = user.email() == null ? "" : user.email();
        return new Sharer(user.userId(), user.organizationId(),
                user.name() != null && !user.name().isBlank() ? user.name() : email, email);
    }

    private static ShareType type(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        return ShareType.parse(type).orElseThrow(() -> new InvalidRequest("type", "must be one of person, link"));
    }

    private static ShareStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return Arrays.stream(ShareStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                .orElseThrow(() -> new InvalidRequest("status", "must be one of " + Arrays.toString(ShareStatus.values())));
    }
}
