package io.shareflow.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.shareflow.support.security.CurrentUser;
import io.shareflow.support.security.JwtTokens;
import tools.jackson.databind.JsonNode;

/**
 * The dev sign-in's registered recipients: users user-provisioner has {@code ACTIVE} beyond the demo ones — people
 * a share created an account for, who registered on its registration page — read from its {@code GET /v1/users}
 * with the operator's token at each look at the sign-in page; and their password, checked by its
 * {@code POST /v1/authentications} (the platform's identity service calls it the same way, with the admin role).
 * A registered recipient has no role: the session carries none (DESIGN.md "Authentication").
 */
final class RegisteredRecipients implements DevSignIn.PasswordCheck {

    private static final int PAGE_SIZE = 100;
    /** A development stack: a few hundred users at most are listed. */
    private static final int MAX_PAGES = 5;

    private final String provisioner;
    private final Supplier<DemoData> demo;
    private final JwtTokens tokens;

    /**
     * @param provisioner user-provisioner's base URL
     * @param demo        the seeded demo data (null until seeded: nobody is listed yet)
     * @param tokens      the stack's, for the admin token the calls to user-provisioner carry
     */
    RegisteredRecipients(String provisioner, Supplier<DemoData> demo, JwtTokens tokens) {
        this.provisioner = provisioner.replaceAll("/+$", "");
        this.demo = Objects.requireNonNull(demo, "demo");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /** The demo accounts, then the registered recipients by e-mail address. */
    List<DevSignIn.Account> accounts() {
        DemoData data = demo.get();
        if (data == null) {
            return List.of();
        }
        List<DevSignIn.Account> all = new ArrayList<>(data.accounts());
        Set<UUID> known = all.stream().map(a -> a.user().userId()).collect(Collectors.toSet());
        known.add(data.adminId());
        try {
            registered(data).stream().filter(account -> !known.contains(account.user().userId()))
                    .sorted((a, b) -> a.user().email().compareToIgnoreCase(b.user().email()))
                    .forEach(all::add);
        } catch (RuntimeException e) {
            // user-provisioner is down or restarting: the demo users can still sign in.
        }
        return all;
    }

    private List<DevSignIn.Account> registered(DemoData data) {
        List<DevSignIn.Account> found = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            RestCalls.Response response = RestCalls.get(
                    provisioner + "/v1/users?page=" + page + "&size=" + PAGE_SIZE, data.adminToken(tokens));
            if (response.status() != 200) {
                throw new IllegalStateException("user-provisioner's GET /v1/users answered " + response.status());
            }
            for (JsonNode user : response.data()) {
                if ("ACTIVE".equals(user.path("status").asText())) {
                    UUID id = UUID.fromString(user.path("id").asText());
                    String email = user.path("email").asText();
                    String name = user.path("displayName").asText(email);
                    found.add(new DevSignIn.Account("user-" + id,
                            new CurrentUser(id, UUID.fromString(user.path("organizationId").asText()), email, name,
                                    Set.of()),
                            "registered recipient, no role", true));
                }
            }
            long total = response.body().path("page").path("totalElements").asLong(0);
            if ((long) (page + 1) * PAGE_SIZE >= total) {
                break;
            }
        }
        return found;
    }

    @Override
    public DevSignIn.Verdict check(DevSignIn.Account account, String password) {
        DemoData data = demo.get();
        if (data == null) {
            return DevSignIn.Verdict.refused("local-stack is still starting; try again in a moment.");
        }
        RestCalls.Response response = RestCalls.post(provisioner + "/v1/authentications", data.adminToken(tokens),
                Map.of("email", account.user().email(), "password", password));
        return switch (response.status()) {
            case 200 -> {
                JsonNode user = response.data();
                String email = user.path("email").asText();
                yield DevSignIn.Verdict.signedIn(new CurrentUser(UUID.fromString(user.path("userId").asText()),
                        UUID.fromString(user.path("organizationId").asText()), email,
                        user.path("displayName").asText(email), Set.of()));
            }
            case 401 -> DevSignIn.Verdict.refused("That password is not right for " + account.user().email()
                    + ". Check it and try again.");
            case 429 -> DevSignIn.Verdict.refused("Too many wrong passwords for " + account.user().email()
                    + "; try again later.");
            default -> DevSignIn.Verdict.refused("user-provisioner could not check the password (HTTP "
                    + response.status() + ").");
        };
    }
}
