package io.shareflow.drills;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What became of a drill's accepted shares, read from the databases and the SMTP server, and what is wrong with it:
 * a share not terminal, an e-mail missing, unexpected or repeated, a user too many or too few, a status that went
 * backwards.
 *
 * @param statuses      share id → status (for a link: its recipient's e-mail state, as {@code EMAIL_<state>})
 * @param expectedEmails the Message-IDs that should have arrived
 * @param optionalEmails the Message-IDs that may arrive or not: the invitations of shares revoked while they were
 *                       being sent
 * @param deliveries    Message-ID → how many times it arrived, for this drill's addresses
 * @param usersCreated  users with this drill's addresses
 * @param usersExpected distinct addresses that shares to someone new went to
 * @param backwards     shares whose history has a status of lower rank after a higher one
 */
public record DrillOutcome(Map<UUID, String> statuses, Set<String> expectedEmails, Set<String> optionalEmails,
                           Map<String, Integer> deliveries, long usersCreated, long usersExpected,
                           List<UUID> backwards) {

    /** Status ranks of share-api's ShareStatus: a share never moves to a lower one. */
    private static final Map<String, Integer> RANK = Map.of("PENDING", 0, "NOTIFICATION_FAILED", 0, "ACTIVE", 1,
            "EXPIRED", 2, "REJECTED", 3, "REVOKED", 4);

    /** Reads it all now. */
    public static DrillOutcome read(DrillStack stack, List<Accepted> accepted, String tag) {
        return read(stack, accepted, tag, Set.of(), Set.of());
    }

    /**
     * @param resent  shares whose invitation was sent again once: one e-mail more each (re-send number 1)
     * @param revoked shares revoked, perhaps before their invitation went out: it may arrive or not (a registration
     *                e-mail is the user's, not the share's, and still goes)
     */
    public static DrillOutcome read(DrillStack stack, List<Accepted> accepted, String tag, Set<UUID> resent,
                                    Set<UUID> revoked) {
        try {
            Map<UUID, String> statuses = statuses(stack, accepted);
            Set<String> expected = new HashSet<>();
            Set<String> optional = new HashSet<>();
            Set<String> newAddresses = new HashSet<>();
            for (Accepted share : accepted) {
                Set<String> invitations = revoked.contains(share.shareId()) ? optional : expected;
                switch (share.kind()) {
                    case NEW_RECIPIENT -> {
                        invitations.add("<share-" + share.shareId() + "-0@shareflow>");
                        newAddresses.add(share.recipient());
                    }
                    case AGAIN -> invitations.add("<share-" + share.shareId() + "-0@shareflow>");
                    case SILENT -> newAddresses.add(share.recipient());
                    case LINK -> invitations.add("<share-" + share.shareId() + "-0-" + recipientHash(share.recipient())
                            + "@shareflow>");
                }
                if (resent.contains(share.shareId())) {
                    expected.add(share.link()
                            ? "<share-" + share.shareId() + "-1-" + recipientHash(share.recipient()) + "@shareflow>"
                            : "<share-" + share.shareId() + "-1@shareflow>");
                }
            }
            Map<String, Integer> deliveries = new HashMap<>();
            Map<String, Set<String>> registrationsTo = new HashMap<>();
            for (Mailbox.Delivery d : stack.mailbox().deliveries()) {
                if (d.to().stream().noneMatch(to -> to.endsWith("." + tag + "@example.com"))) {
                    continue;
                }
                deliveries.merge(d.messageId(), 1, Integer::sum);
                if (d.messageId() != null && d.messageId().startsWith("<registration-")) {
                    d.to().forEach(to -> registrationsTo.computeIfAbsent(to, k -> new HashSet<>()).add(d.messageId()));
                }
            }
            // One registration e-mail per new recipient who was sent an invitation (a silent share sends none).
            for (Accepted share : accepted) {
                if (share.kind() == Accepted.Kind.NEW_RECIPIENT) {
                    Set<String> ids = registrationsTo.getOrDefault(share.recipient(), Set.of());
                    expected.add(ids.size() == 1 ? ids.iterator().next() : "<registration e-mail to " + share.recipient()
                            + (ids.isEmpty() ? ">" : " x" + ids.size() + ">"));
                }
            }
            long users = stack.count("user_provisioner",
                    "select count(*) from app_user where lower(email) like '%." + tag + "@example.com'");
            return new DrillOutcome(statuses, expected, optional, deliveries, users, newAddresses.size(),
                    backwards(stack, accepted));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the drill's outcome: " + e.getMessage(), e);
        }
    }

    /**
     * Shares that are not terminal yet (PENDING, or a link whose e-mail is still pending). NOTIFICATION_FAILED is
     * terminal (the compensation, re-sendable), as are ACTIVE, REVOKED, REJECTED and EXPIRED.
     */
    public List<UUID> notTerminal() {
        return statuses.entrySet().stream().filter(e -> e.getValue().equals("PENDING") || e.getValue().equals("EMAIL_PENDING"))
                .map(Map.Entry::getKey).toList();
    }

    public Set<String> missingEmails() {
        Set<String> missing = new HashSet<>(expectedEmails);
        missing.removeAll(deliveries.keySet());
        return missing;
    }

    public Set<String> unexpectedEmails() {
        Set<String> unexpected = new HashSet<>(deliveries.keySet());
        unexpected.removeAll(expectedEmails);
        unexpected.removeAll(optionalEmails);
        return unexpected;
    }

    /** Deliveries beyond the first of each Message-ID: repeats of an attempt in doubt. */
    public int repeats() {
        return deliveries.values().stream().mapToInt(n -> n - 1).sum();
    }

    /** The Message-IDs that arrived more than once. */
    public Set<String> repeated() {
        return deliveries.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    public long count(String status) {
        return statuses.values().stream().filter(status::equals).count();
    }

    /** Everything that is wrong, in words; empty when the drill's guarantees held. */
    public List<String> problems(int allowedRepeats) {
        List<String> problems = new ArrayList<>();
        if (!notTerminal().isEmpty()) {
            problems.add(notTerminal().size() + " share(s) not terminal, e.g. " + notTerminal().get(0));
        }
        if (!missingEmails().isEmpty()) {
            problems.add(missingEmails().size() + " e-mail(s) missing, e.g. " + missingEmails().iterator().next());
        }
        if (!unexpectedEmails().isEmpty()) {
            problems.add(unexpectedEmails().size() + " unexpected e-mail(s), e.g. " + unexpectedEmails().iterator().next());
        }
        if (repeats() > allowedRepeats) {
            problems.add(repeats() + " repeated deliveries (at most " + allowedRepeats + " allowed)");
        }
        if (usersCreated != usersExpected) {
            problems.add(usersCreated + " users created for " + usersExpected + " new recipients");
        }
        if (!backwards.isEmpty()) {
            problems.add(backwards.size() + " share(s) whose status went backwards, e.g. " + backwards.get(0));
        }
        return problems;
    }

    /** One line of figures for the drill's output. */
    public String figures() {
        Map<String, Long> byStatus = statuses.values().stream()
                .collect(Collectors.groupingBy(s -> s, java.util.TreeMap::new, Collectors.counting()));
        return String.format(Locale.ROOT, "%d shares %s; e-mails %d expected, %d received (%d distinct), %d missing, "
                        + "%d unexpected, %d repeats; users %d created / %d expected; %d went backwards",
                statuses.size(), byStatus, expectedEmails.size(), deliveries.values().stream().mapToInt(i -> i).sum(),
                deliveries.size(), missingEmails().size(), unexpectedEmails().size(), repeats(), usersCreated,
                usersExpected, backwards.size());
    }

    private static Map<UUID, String> statuses(DrillStack stack, List<Accepted> accepted) throws SQLException {
        Map<UUID, String> statuses = new HashMap<>();
        try (Connection c = stack.database("share_api").getConnection()) {
            Array ids = c.createArrayOf("uuid", accepted.stream().map(Accepted::shareId).toArray());
            try (PreparedStatement ps = c.prepareStatement("""
                    select s.id, s.status, r.notification from share s
                    left join share_link_recipient r on r.share_id = s.id
                    where s.id = any(?)""")) {
                ps.setArray(1, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String email = rs.getString(3);
                        statuses.put(rs.getObject(1, UUID.class), email == null ? rs.getString(2) : "EMAIL_" + email);
                    }
                }
            }
        }
        for (Accepted share : accepted) {
            statuses.putIfAbsent(share.shareId(), "MISSING");
        }
        return statuses;
    }

    private static List<UUID> backwards(DrillStack stack, List<Accepted> accepted) throws SQLException {
        List<UUID> backwards = new ArrayList<>();
        try (Connection c = stack.database("share_api").getConnection()) {
            Array ids = c.createArrayOf("uuid", accepted.stream().map(Accepted::shareId).toArray());
            try (PreparedStatement ps = c.prepareStatement(
                    "select share_id, status from share_history where share_id = any(?) order by share_id, id")) {
                ps.setArray(1, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    UUID current = null;
                    int highest = -1;
                    while (rs.next()) {
                        UUID share = rs.getObject(1, UUID.class);
                        if (!share.equals(current)) {
                            current = share;
                            highest = -1;
                        }
                        int rank = RANK.getOrDefault(rs.getString(2), -1);
                        if (rank < highest && !backwards.contains(share)) {
                            backwards.add(share);
                        }
                        highest = Math.max(highest, rank);
                    }
                }
            }
        }
        return backwards;
    }

    /** share-notifier's LinkNotificationRequest.recipientHash: the first 64 bits of SHA-256 of the address, lower case. */
    static String recipientHash(String recipient) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(recipient.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
