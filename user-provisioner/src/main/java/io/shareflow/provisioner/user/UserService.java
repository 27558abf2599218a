package io.shareflow.provisioner.user;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.shareflow.domain.Conflict;
import io.shareflow.domain.Page;
import io.shareflow.domain.PageRequest;
import io.shareflow.domain.RefusedRequest;
import io.shareflow.provisioner.organization.Organizations;
import io.shareflow.provisioner.user.model.User;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating and finding users through the REST API. */
@Service
class UserService {

    private final Users users;
    private final Organizations organizations;
    private final UserEventPublisher userEvents;
    private final Clock clock;

    UserService(Users users, Organizations organizations, UserEventPublisher userEvents, Clock clock) {
        this.users = users;
        this.organizations = organizations;
        this.userEvents = userEvents;
        this.clock = clock;
    }

    /**
     * Creates an active user and publishes {@code UserUpserted} in the same transaction.
     *
     * @throws RefusedRequest if the organisation does not exist (422, naming {@code organizationId})
     * @throws Conflict       if a user has this address already, ignoring case (409, field {@code email})
     */
    @Transactional
    User create(CreateUserCommand command) {
        if (!organizations.exists(command.organizationId())) {
            throw new RefusedRequest("The organisation does not exist.",
                    Map.of("organizationId", command.organizationId().toString()));
        }
        User user = User.active(command.organizationId(), command.email(), command.displayName(), clock.instant());
        if (!users.insertIfEmailFree(user)) {
            throw new Conflict("A user with this e-mail address already exists.", "email");
        }
        userEvents.upserted(user);
        return user;
    }

    @Transactional(readOnly = true)
    Optional<User> find(UUID id) {
        return users.findById(id);
    }

    /** A page of users, optionally of one organisation and/or with one address (ignoring case). */
    @Transactional(readOnly = true)
    Page<User> list(UUID organizationId, String email, PageRequest page) {
        List<User> content = users.find(organizationId, email, page.offset(), page.size());
        long total = content.isEmpty() && page.number() == 0 ? 0 : users.count(organizationId, email);
        return Page.of(content, page, total);
    }
}
