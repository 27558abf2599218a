package io.shareflow.provisioner.user;

import java.net.URI;
import java.util.UUID;

import io.shareflow.domain.EmailAddress;
import io.shareflow.domain.NotFound;
import io.shareflow.domain.PageRequest;
import io.shareflow.provisioner.user.model.User;
import io.shareflow.support.openapi.ApiErrors;
import io.shareflow.support.openapi.ApiExample;
import io.shareflow.support.openapi.ErrorExample;
import io.shareflow.support.security.CurrentUser;
import io.shareflow.support.web.ApiException;
import io.shareflow.support.web.DataEnvelope;
import io.shareflow.support.web.PageEnvelope;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users. {@code admin} sees and creates users of every organisation; {@code producer-admin} creates users
 * of its own organisation; everyone else reads the users of its own organisation. A user of another
 * organisation is 404, as if it did not exist.
 */
@RestController
@RequestMapping("/v1/users")
class UserController {

    static final String ADMIN = "admin";

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @Operation(summary = "Create an ACTIVE user (admin; producer-admin in its own organisation)")
    @ApiExample(status = 201, request = UserExamples.CREATE_REQUEST, response = UserExamples.USER)
    @ApiErrors(value = {403, 409, 422}, field = "email", examples = {
            @ErrorExample(status = 409, message = "A user with this e-mail address already exists.", extension = """
                    {"field": "email"}"""),
            @ErrorExample(status = 422, message = "The organisation does not exist.",
                    extension = UserExamples.UNKNOWN_ORGANIZATION)})
    @PostMapping
    ResponseEntity<DataEnvelope<UserResponse>> create(@Valid @RequestBody CreateUserRequest request, CurrentUser caller) {
        if (!caller.hasAnyRole(ADMIN) && !request.organizationId().equals(caller.organizationId())) {
            throw ApiException.noPermission("A producer-admin may create users in its own organisation only.");
        }
        User user = users.create(new CreateUserCommand(EmailAddress.of(request.email()), request.displayName().strip(),
                request.organizationId()));
        return ResponseEntity.created(URI.create("/v1/users/" + user.id())).body(DataEnvelope.of(UserResponse.of(user)));
    }

    @Operation(summary = "A user of the caller's organisation (any for admin)")
    @ApiExample(response = UserExamples.USER)
    @ApiErrors(value = 404, examples = @ErrorExample(status = 404, message = "User not found."))
    @GetMapping("/{id}")
    DataEnvelope<UserResponse> get(@PathVariable UUID id, CurrentUser caller) {
        return users.find(id)
                .filter(user -> caller.hasAnyRole(ADMIN) || user.belongsTo(caller.organizationId()))
                .map(user -> DataEnvelope.of(UserResponse.of(user)))
                .orElseThrow(() -> new NotFound("User not found."));
    }

    /**
     * Users of the caller's organisation (all for {@code admin}), or the one with {@code email} ignoring case.
     * {@code page} from 0, {@code size} 1..100 (default 20).
     */
    @Operation(summary = "Users of the caller's organisation (all for admin), or the one with this e-mail (ignoring case), paged")
    @ApiExample(response = UserExamples.USERS)
    @ApiErrors(field = "email")
    @GetMapping
    PageEnvelope<UserResponse> list(@RequestParam(required = false) @Size(max = 254) String email,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size,
                                    CurrentUser caller) {
        UUID organization = caller.hasAnyRole(ADMIN) ? null : caller.organizationId();
        return PageEnvelope.of(users.list(organization, email, PageRequest.of(page, size)).map(UserResponse::of));
    }
}
