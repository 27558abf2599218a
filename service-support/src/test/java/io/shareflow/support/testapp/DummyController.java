package io.shareflow.support.testapp;

import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.shareflow.domain.Conflict;
import io.shareflow.domain.Gone;
import io.shareflow.domain.InvalidRequest;
import io.shareflow.domain.NotFound;
import io.shareflow.domain.RefusedRequest;
import io.shareflow.support.security.CurrentUser;
import io.shareflow.support.web.ApiException;
import io.shareflow.support.web.DataEnvelope;
import io.shareflow.support.web.PageEnvelope;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class DummyController {

    enum Role { viewer, downloader }

    record Recipient(@Email String email, UUID userId) {
    }

    record ShareRequest(@NotBlank String name, @Size(max = 3) List<@Valid Recipient> recipients, Role role,
                        Instant expiresAt, @Size(max = 10) String subject) {
    }

    record ShareView(UUID shareId, String name, Role role) {
    }

    private final Validator validator;

    DummyController(Validator validator) {
        this.validator = validator;
    }

    @PostMapping(path = "/v1/shares/{resourceId}", consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_XML_VALUE})
    DataEnvelope<ShareView> share(@PathVariable UUID resourceId, @Valid @RequestBody ShareRequest request) {
        return DataEnvelope.of(new ShareView(resourceId, request.name(), request.role()));
    }

    @GetMapping("/v1/shares/{shareId}")
    DataEnvelope<ShareView> get(@PathVariable UUID shareId) {
        return DataEnvelope.of(new ShareView(shareId, "Quarterly report", Role.viewer));
    }

    @DeleteMapping("/v1/shares/{shareId}")
    void revoke(@PathVariable UUID shareId) {
    }

    @GetMapping("/v1/shares")
    PageEnvelope<ShareView> list(@RequestParam(defaultValue = "20") @Max(100) int size) {
        return PageEnvelope.of(List.of(new ShareView(new UUID(0, 1), "a", Role.viewer),
                new ShareView(new UUID(0, 2), "b", Role.downloader)), 0, size, 2);
    }

    @GetMapping("/v1/links/{token}")
    DataEnvelope<String> open(@PathVariable String token, @RequestHeader("X-Share-Password") String password) {
        return DataEnvelope.of(token);
    }

    @GetMapping("/v1/users")
    DataEnvelope<String> byEmail(@RequestParam String email) {
        return DataEnvelope.of(email);
    }

    @GetMapping("/v1/boom")
    String boom() {
        throw new IllegalStateException("select secret_column from secret_table failed");
    }

    @GetMapping("/v1/duplicate")
    String duplicate() {
        throw new DuplicateKeyException("ERROR: duplicate key value violates unique constraint \"users_email_key\"");
    }

    /** What a transactional use case throws while its database is down: the pool gave up waiting for a connection. */
    @GetMapping("/v1/database-down")
    String databaseDown() {
        throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out "
                        + "after 1500ms (total=0, active=0, idle=0, waiting=0)", "08001",
                        new ConnectException("Connection refused")));
    }

    @GetMapping("/v1/unprocessable")
    String unprocessable() {
        throw ApiException.unprocessable("Operation not allowed for this entity type.", Map.of("entityType", "Document"));
    }

    @GetMapping("/v1/violations")
    String violations() {
        ShareRequest invalid = new ShareRequest("x", List.of(new Recipient("ok@example.com", null),
                new Recipient("not-an-email", null)), Role.viewer, null, null);
        Set<ConstraintViolation<ShareRequest>> violations = validator.validate(invalid);
        throw new ConstraintViolationException(violations);
    }

    /** The domain's refusals, thrown the way a service's feature code throws them. */
    @GetMapping("/v1/refusals/{kind}")
    String refuse(@PathVariable String kind) {
        throw switch (kind) {
            // The message ends in a full stop on purpose: the envelope must not show two.
            case "invalid" -> new InvalidRequest("recipients[1].userId", "not a user of your organisation.");
            case "refused" -> new RefusedRequest("Operation not allowed for this entity type.",
                    Map.of("entityType", "Document", "maxRecipients", 100));
            case "not-found" -> new NotFound("No such share.");
            case "conflict" -> new Conflict("This e-mail address is already taken.", "email");
            case "conflict-without-field" -> new Conflict("This Idempotency-Key was used for another request.");
            case "gone" -> new Gone("This registration link has expired.");
            default -> new IllegalArgumentException(kind);
        };
    }

    @PostMapping(path = "/v1/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    DataEnvelope<Long> upload(@RequestPart MultipartFile file) {
        return DataEnvelope.of(file.getSize());
    }

    @GetMapping(path = "/v1/only-json", produces = MediaType.APPLICATION_JSON_VALUE)
    DataEnvelope<String> onlyJson() {
        return DataEnvelope.of("json");
    }

    @GetMapping("/v1/me")
    DataEnvelope<CurrentUser> me(CurrentUser user) {
        return DataEnvelope.of(user);
    }

    @GetMapping("/v1/public/me")
    DataEnvelope<String> maybeMe(Optional<CurrentUser> user) {
        return DataEnvelope.of(user.map(u -> u.userId().toString()).orElse("anonymous"));
    }

    @GetMapping("/v1/public/required-me")
    DataEnvelope<UUID> requiredMe(CurrentUser user) {
        return DataEnvelope.of(user.userId());
    }

    @GetMapping({"/v1/admin/report", "/v1/public/admin-report"})
    @PreAuthorize("hasRole('admin')")
    DataEnvelope<String> adminOnly() {
        return DataEnvelope.of("report");
    }
}
