package io.shareflow.provisioner.user;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
     * @throws UnknownOrganizationException if the organisation does not exist
     * @throws EmailTakenException          if a user has this address already, ignoring case
     */
    @Transactional
    User create(CreateUserCommand command) {
        if (!organizations.exists(command.organizationId())) {
            throw new UnknownOrganizationException();
        }
        User user = User.active(command.organizationId(), command.email(), command.displayName(), clock.instant());
        if (!users.insertIfEmailFree(user)) {
            throw new EmailTakenException();
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
    UserPage list(UUID organizationId, String email, int page, int size) {
        List<User> content = users.find(organizationId, email, (long) page * size, size);
        long total = content.isEmpty() && page == 0 ? 0 : users.count(organizationId, email);
        return new UserPage(content, page, size, total);
    }

    record UserPage(List<User> content, int number, int size, long totalElements) {
    }

    static final class UnknownOrganizationException extends RuntimeException {
        UnknownOrganizationException() {
            super("Organisation not found", null, false, false);
        }
    }

    static final class EmailTakenException extends RuntimeException {
        EmailTakenException() {
            super("E-mail address already taken", null, false, false);
        }
    }
}
