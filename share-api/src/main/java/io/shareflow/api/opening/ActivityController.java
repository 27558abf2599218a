package io.shareflow.api.opening;

import java.util.UUID;

import io.shareflow.domain.PageRequest;
import io.shareflow.support.openapi.ApiErrors;
import io.shareflow.support.openapi.ApiExample;
import io.shareflow.support.security.CurrentUser;
import io.shareflow.support.web.PageEnvelope;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ActivityController {

    private final ShareActivity activity;

    ActivityController(ShareActivity activity) {
        this.activity = activity;
    }

    @Operation(summary = "Who opened a share and with what outcome, newest first, paged (sharing roles)")
    @ApiExample(response = OpeningExamples.ACTIVITY)
    @ApiErrors({403, 404})
    @GetMapping("/v1/shares/{shareId}/activity")
    PageEnvelope<ActivityEntry> activity(CurrentUser user, @PathVariable UUID shareId,
                                         @RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer size) {
        return PageEnvelope.of(activity.of(user, shareId, PageRequest.of(page, size)).map(ActivityEntry::of));
    }
}
