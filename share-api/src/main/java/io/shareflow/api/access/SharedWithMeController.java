package io.shareflow.api.access;

import java.time.Clock;
import java.util.List;

import io.shareflow.domain.InvalidRequest;
import io.shareflow.domain.PageRequest;
import io.shareflow.support.openapi.ApiErrors;
import io.shareflow.support.openapi.ApiExample;
import io.shareflow.support.security.CurrentUser;
import io.shareflow.support.web.PageEnvelope;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Graph's {@code sharedWithMe}: for any signed-in user, members and guests (no role) alike. */
@RestController
class SharedWithMeController {

    private static final List<String> STATUSES =
            List.of("PENDING", "ACTIVE", "NOTIFICATION_FAILED", "REJECTED", "EXPIRED", "REVOKED");

    private final ReceivedShares shares;
    private final Clock clock;

    SharedWithMeController(ReceivedShares shares, Clock clock) {
        this.shares = shares;
        this.clock = clock;
    }

    @Operation(summary = "The shares the caller is a recipient of, newest first, paged (members and guests alike)",
            description = "Direct shares to the caller's user id or address and links naming them; status filters "
                    + "(PENDING, ACTIVE, NOTIFICATION_FAILED, REJECTED, EXPIRED, REVOKED), as read now.")
    @ApiExample(response = AccessExamples.SHARED_WITH_ME)
    @ApiErrors(field = "status")
    @GetMapping("/v1/shared-with-me")
    PageEnvelope<SharedWithMeResponse> sharedWithMe(CurrentUser user, @RequestParam(required = false) String status,
                                                    @RequestParam(required = false) Integer page,
                                                    @RequestParam(required = false) Integer size) {
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidRequest("status", "must be one of " + String.join(", ", STATUSES));
        }
        return PageEnvelope.of(shares.of(user.organizationId(), user.userId(), user.email(), status, clock.instant(),
                PageRequest.of(page, size)).map(SharedWithMeResponse::of));
    }
}
