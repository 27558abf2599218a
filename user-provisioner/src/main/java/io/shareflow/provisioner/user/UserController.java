package io.shareflow.provisioner.user;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import io.shareflow.provisioner.user.model.EmailAddress;
import io.shareflow.provisioner.user.model.User;
import io.shareflow.support.security.CurrentUser;
import io.shareflow.support.web.ApiException;
import io.shareflow.support.web.DataEnvelope;
import io.shareflow.support.web.ErrorCodes;
import io.shareflow.support.web.PageEnvelope;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
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

    @PostMapping
    ResponseEntity<DataEnvelope<UserResponse>> create(@Valid @RequestBody CreateUserRequest request, CurrentUser caller) {
        if (!caller.hasAnyRole(ADMIN) && !request.organizationId().equals(caller.organizationId())) {
            throw ApiException.noPermission("A producer-admin may create users in its own organisation only.");
        }
        User user;
        try {
            user = users.create(new CreateUserCommand(EmailAddress.of(request.email()), request.displayName().strip(),
                    request.organizationId()));
        } catch (UserService.UnknownOrganizationException e) {
            throw ApiException.unprocessable("The organisation does not exist.",
                    Map.of("organizationId", request.organizationId().toString()));
        } catch (UserService.EmailTakenException e) {
            throw new ApiException(HttpStatus.CONFLICT, ErrorCodes.CONFLICT,
                    "A user with this e-mail address already exists.", Map.of("field", "email"));
        }
        return ResponseEntity.created(URI.create("/v1/users/" + user.id())).body(DataEnvelope.of(UserResponse.of(user)));
    }

    @GetMapping("/{id}")
    DataEnvelope<UserResponse> get(@PathVariable UUID id, CurrentUser caller) {
        return users.find(id)
                .filter(user -> caller.hasAnyRole(ADMIN) || user.belongsTo(caller.organizationId()))
                .map(user -> DataEnvelope.of(UserResponse.of(user)))
                .orElseThrow(() -> ApiException.notFound("User not found."));
    }

    /** Users of the caller's organisation (all for {@code admin}), or the one with {@code email} ignoring case. */
    @GetMapping
    PageEnvelope<UserResponse> list(@RequestParam(required = false) @Size(max = 254) String email,
                                    @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                    @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                    CurrentUser caller) {
        UUID organization = caller.hasAnyRole(ADMIN) ? null : caller.organizationId();
        UserService.UserPage found = users.list(organization, email, page, size);
        return PageEnvelope.of(found.content().stream().map(UserResponse::of).toList(), found.number(), found.size(),
                found.totalElements());
    }
}
