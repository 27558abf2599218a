package io.shareflow.api.policy.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.shareflow.domain.InvalidRequest;
import io.shareflow.domain.RefusedRequest;
import io.shareflow.domain.StoredTime;

/**
 * An organisation's sharing policy (DESIGN.md "Organisation sharing policy") and the checks it makes on every share,
 * link and change. Roles and audiences are the API's lower-case strings ({@code viewer}, {@code anyone}), so the policy
 * does not depend on the {@code share} feature that enforces it.
 *
 * <p>{@link #DEFAULT} (an organisation without a policy of its own) allows everything.
 *
 * @param maxRole                 the highest role a share may grant; a higher one is lowered to it
 * @param allowedRecipientDomains lower case, sorted, no duplicates; empty = any domain. A domain also allows its
 *                                subdomains ({@code example.com} allows {@code a@eu.example.com})
 * @param linkAudiences           the audiences a link may have, in the order of {@link #AUDIENCES}; empty = no link
 * @param maxExpiryDays           the longest a share may last, 1..{@value #MAX_EXPIRY_DAYS} days from when it is made
 *                                or changed; null = no maximum
 * @param requireExpiry           every share expires: one without an expiry gets the maximum; only with
 *                                {@code maxExpiryDays}
 */
public record SharingPolicy(String maxRole, List<String> allowedRecipientDomains, List<String> linkAudiences,
                            Integer maxExpiryDays, boolean requireExpiry) {

    /** The roles of a share, lowest first. */
    public static final List<String> ROLES = List.of("viewer", "downloader", "contributor", "manager");
    /** The audiences of a link. */
    public static final List<String> AUDIENCES = List.of("anyone", "organization", "users", "password");
    public static final int MAX_EXPIRY_DAYS = 3650;
    public static final int MAX_DOMAINS = 100;
    public static final int MAX_DOMAIN_LENGTH = 253;
    /**
     * A domain name as e-mail addresses have it (domain-support's {@code EmailAddress}): two or more labels of letters,
     * digits and inner hyphens, the last one letters or an IDNA A-label; ASCII (punycode) only; any case.
     */
    public static final String DOMAIN_NAME = "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+"
            + "(?:[A-Za-z]{2,63}|[Xx][Nn]--[A-Za-z0-9](?:[A-Za-z0-9-]{0,57}[A-Za-z0-9])?)";
    private static final Pattern DOMAIN = Pattern.compile(DOMAIN_NAME);

    /** Allows everything. */
    public static final SharingPolicy DEFAULT = new SharingPolicy("manager", List.of(), AUDIENCES, null, false);

    public SharingPolicy {
        if (!ROLES.contains(maxRole)) {
            throw new IllegalArgumentException("maxRole must be one of " + ROLES);
        }
        allowedRecipientDomains = List.copyOf(allowedRecipientDomains);
        linkAudiences = List.copyOf(linkAudiences);
        if (!allowedRecipientDomains.equals(List.copyOf(new TreeSet<>(allowedRecipientDomains)))
                || allowedRecipientDomains.stream().anyMatch(d -> !isDomainName(d) || !d.equals(lower(d)))) {
            throw new IllegalArgumentException("allowedRecipientDomains must be lower-case domain names, sorted, unique");
        }
        if (!linkAudiences.equals(AUDIENCES.stream().filter(linkAudiences::contains).toList())) {
            throw new IllegalArgumentException("linkAudiences must be unique audiences in the order " + AUDIENCES);
        }
        if (maxExpiryDays != null && (maxExpiryDays < 1 || maxExpiryDays > MAX_EXPIRY_DAYS)) {
            throw new IllegalArgumentException("maxExpiryDays must be 1.." + MAX_EXPIRY_DAYS);
        }
        if (requireExpiry && maxExpiryDays == null) {
            throw new IllegalArgumentException("requireExpiry needs maxExpiryDays");
        }
    }

    /**
     * The policy a client asked for (a PUT replaces the whole policy), each field valid on its own already: an absent
     * (null) field takes its default. Domains are put in lower case, de-duplicated and sorted; audiences
     * de-duplicated, in the order of {@link #AUDIENCES}.
     *
     * @throws InvalidRequest naming {@code maxExpiryDays} for {@code requireExpiry} without it (there would be no
     *                        maximum to give a share without an expiry), or naming the first field that is not valid
     */
    public static SharingPolicy of(String maxRole, List<String> allowedRecipientDomains, List<String> linkAudiences,
                                   Integer maxExpiryDays, Boolean requireExpiry) {
        String role = maxRole == null ? DEFAULT.maxRole : maxRole;
        if (!ROLES.contains(role)) {
            throw new InvalidRequest("maxRole", "must be one of " + String.join(", ", ROLES));
        }
        TreeSet<String> domains = new TreeSet<>();
        List<String> given = allowedRecipientDomains == null ? List.of() : allowedRecipientDomains;
        if (given.size() > MAX_DOMAINS) {
            throw new InvalidRequest("allowedRecipientDomains", "must not name more than " + MAX_DOMAINS + " domains");
        }
        for (int i = 0; i < given.size(); i++) {
            String domain = given.get(i) == null ? null : given.get(i).strip();
            if (!isDomainName(domain)) {
                throw new InvalidRequest("allowedRecipientDomains[" + i + "]", "must be a domain name, e.g. example.com");
            }
            domains.add(lower(domain));
        }
        List<String> audiences = linkAudiences == null ? DEFAULT.linkAudiences : new ArrayList<>(linkAudiences);
        for (int i = 0; i < audiences.size(); i++) {
            if (!AUDIENCES.contains(audiences.get(i))) {
                throw new InvalidRequest("linkAudiences[" + i + "]", "must be one of " + String.join(", ", AUDIENCES));
            }
        }
        if (maxExpiryDays != null && (maxExpiryDays < 1 || maxExpiryDays > MAX_EXPIRY_DAYS)) {
            throw new InvalidRequest("maxExpiryDays", "must be between 1 and " + MAX_EXPIRY_DAYS);
        }
        boolean required = requireExpiry != null && requireExpiry;
        if (required && maxExpiryDays == null) {
            throw new InvalidRequest("maxExpiryDays", "is required when requireExpiry is true");
        }
        return new SharingPolicy(role, List.copyOf(domains), AUDIENCES.stream().filter(audiences::contains).toList(),
                maxExpiryDays, required);
    }

    /** Whether the text is a domain name this policy accepts (see {@link #DOMAIN_NAME}); null is not. */
    public static boolean isDomainName(String candidate) {
        return candidate != null && candidate.length() <= MAX_DOMAIN_LENGTH && DOMAIN.matcher(candidate).matches();
    }

    /**
     * The role a share asking for {@code role} gets: that role, or {@link #maxRole} when it is higher (HighQ's "view
     * only" override). The caller tells the client when it differs ({@code requestedRole}).
     *
     * @param role one of {@link #ROLES}
     */
    public String capRole(String role) {
        int requested = ROLES.indexOf(role);
        if (requested < 0) {
            throw new IllegalArgumentException("Not a role: " + role);
        }
        return requested > ROLES.indexOf(maxRole) ? maxRole : role;
    }

    /** Whether the policy lets a share go to this address: any address without domains, else by its domain. */
    public boolean allowsRecipient(String email) {
        if (allowedRecipientDomains.isEmpty()) {
            return true;
        }
        String domain = lower(email.substring(email.lastIndexOf('@') + 1));
        return allowedRecipientDomains.stream().anyMatch(allowed -> domain.equals(allowed)
                || domain.endsWith("." + allowed));
    }

    /**
     * Refuses a recipient outside {@link #allowedRecipientDomains}.
     *
     * @param field where the request named the recipient, e.g. {@code recipients[1].email} or
     *              {@code recipients[2].userId} (a user id is checked by the user's address)
     * @throws RefusedRequest (422) with {@code extension.field} and the allowed domains
     */
    public void checkRecipient(String field, String email) {
        if (!allowsRecipient(email)) {
            throw new RefusedRequest("The organisation's sharing policy does not allow sharing with this address.",
                    Map.of("field", field, "allowedRecipientDomains", allowedRecipientDomains));
        }
    }

    /**
     * Refuses a link audience outside {@link #linkAudiences}.
     *
     * @param audience one of {@link #AUDIENCES}
     * @throws RefusedRequest (422) with {@code extension.field} {@code audience} and the allowed audiences
     */
    public void checkAudience(String audience) {
        if (!linkAudiences.contains(audience)) {
            throw new RefusedRequest("The organisation's sharing policy does not allow links with this audience.",
                    Map.of("field", "audience", "linkAudiences", linkAudiences));
        }
    }

    /** The latest expiry a share made or changed at {@code now} may have; empty = no maximum. */
    public Optional<Instant> latestExpiry(Instant now) {
        return maxExpiryDays == null ? Optional.empty()
                : Optional.of(StoredTime.of(now.plus(Duration.ofDays(maxExpiryDays))));
    }

    /**
     * The expiry a share made or changed at {@code now} gets: the one asked for, if not past the maximum; none asked
     * for: the maximum when {@link #requireExpiry}, else none.
     *
     * @param field     what the request called it: {@code expiresAt}, or {@code durationHours} for a link's duration
     * @param expiresAt the expiry asked for; null = none
     * @return null = never
     * @throws RefusedRequest (422) with {@code extension.field} and {@code maxExpiryDays} when past the maximum
     */
    public Instant expiry(String field, Instant expiresAt, Instant now) {
        Objects.requireNonNull(now, "now");
        Optional<Instant> latest = latestExpiry(now);
        if (expiresAt == null) {
            return requireExpiry ? latest.orElseThrow() : null;
        }
        if (latest.isPresent() && expiresAt.isAfter(latest.get())) {
            throw new RefusedRequest("The organisation's sharing policy allows shares of at most " + maxExpiryDays
                    + " days.", Map.of("field", field, "maxExpiryDays", maxExpiryDays));
        }
        return expiresAt;
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
