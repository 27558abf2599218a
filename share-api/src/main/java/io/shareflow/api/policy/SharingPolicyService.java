package io.shareflow.api.policy;

import java.time.Clock;

import io.shareflow.api.access.model.OrganizationRoles;
import io.shareflow.api.policy.model.PolicyChange;
import io.shareflow.api.policy.model.SharingPolicy;
import io.shareflow.domain.NotFound;
import io.shareflow.domain.Page;
import io.shareflow.domain.PageRequest;
import io.shareflow.support.security.CurrentUser;
import io.shareflow.support.web.ApiException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading and changing the caller's organisation's sharing policy. Any member reads it and its history; {@code admin}
 * and {@code producer-admin} change it; a guest (no role) is told there is none (404), as for everything else of the
 * organisation.
 */
@Service
class SharingPolicyService {

    /** The roles that may change the policy. */

    private final SharingPolicies policies;
    private final SharingPolicyChanges changes;
    private final Clock clock;

    SharingPolicyService(SharingPolicies policies, SharingPolicyChanges changes, Clock clock) {
        this.policies = policies;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    SharingPolicy get(CurrentUser caller) {
        requireMember(caller);
        return policies.of(caller.organizationId());
    }

    @Transactional(readOnly = true)
    Page<PolicyChange> history(CurrentUser caller, PageRequest page) {
        requireMember(caller);
        return changes.page(caller.organizationId(), page);
    }

    /**
     * Replaces the policy and records the change (who, when, before, after) in the same transaction. A policy equal
     * to the current one changes nothing and records nothing.
     *
     * @return the policy now in force
     */
    @Transactional
    SharingPolicy replace(CurrentUser caller, SharingPolicy policy) {
        requireMember(caller);
        if (!OrganizationRoles.isAdmin(caller.roles())) {
            throw ApiException.noPermission("Only admin and producer-admin may change the sharing policy.");
        }
        SharingPolicy before = policies.lockForChange(caller.organizationId());
        if (!before.equals(policy)) {
            policies.save(caller.organizationId(), policy);
            changes.add(caller.organizationId(), new PolicyChange(clock.instant(),
                    new PolicyChange.Changer(caller.userId(), caller.name(), caller.email()), before, policy));
        }
        return policy;
    }

    private static void requireMember(CurrentUser caller) {
        if (!OrganizationRoles.isMember(caller.roles())) {
            throw new NotFound("Sharing policy not found.");
        }
    }
}
