package io.shareflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.shareflow.support.security.CurrentUser;
import io.shareflow.support.security.JwtTokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo organisations, users and documents local-stack seeds through the services' own REST
 * APIs, recorded in {@code <data>/seed.json} so a restart with the same data directory reuses
 * them instead of seeding twice.
 */
public record DemoData(UUID platformOrgId, UUID adminId, UUID acmeId, UUID aliceId, UUID bobId, UUID carolId,
                       UUID globexId, UUID daveId, UUID folderId, UUID maintenanceLogId, UUID internalMemoId) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TOKEN_TTL = Duration.ofHours(12);

    /** Seeds the demo data through the services' APIs, or loads what a run on the same data directory seeded. */
    public static DemoData seedOrLoad(LocalStackSettings settings) {
        Path record = settings.dataDir().resolve("seed.json");
        if (Files.exists(record)) {
            return JSON.readValue(record.toFile(), DemoData.class);
        }
        DemoData data = seed(settings);
        try {
            Files.writeString(record, JSON.writeValueAsString(data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return data;
    }

    private static DemoData seed(LocalStackSettings s) {
        JwtTokens tokens = s.jwtTokens();
        UUID platformOrg = UUID.randomUUID();
        UUID adminId = UUID.randomUUID();
        String admin = tokens.issue(adminId, platformOrg, "operator@shareflow.local",
                "Platform operator", List.of("admin"), TOKEN_TTL);
        String users = s.provisionerUrl() + "/v1/users";
        UUID acme = id(RestCalls.post(s.provisionerUrl() + "/v1/organizations", admin, Map.of("name", "Acme Aviation")));
        UUID globex = id(RestCalls.post(s.provisionerUrl() + "/v1/organizations", admin, Map.of("name", "Globex")));
        UUID alice = id(RestCalls.post(users, admin, user("alice@acme.example", "Alice Archer", acme)));
        UUID bob = id(RestCalls.post(users, admin, user("bob@acme.example", "Bob Baker", acme)));
        UUID carol = id(RestCalls.post(users, admin, user("carol@acme.example", "Carol Cook", acme)));
        UUID dave = id(RestCalls.post(users, admin, user("dave@globex.example", "Dave Dunn", globex)));

        String aliceToken = tokens.issue(alice, acme, "alice@acme.example", "Alice Archer",
                List.of("producer-admin"), TOKEN_TTL);
        String resources = s.shareApiUrl() + "/v1/resources";
        UUID folder = id(RestCalls.post(resources, aliceToken, Map.of("name", "Fleet maintenance", "kind", "folder")));
        UUID log = id(RestCalls.post(resources, aliceToken, Map.of("name", "A320 maintenance log.pdf", "kind", "file",
                "documentType", "maintenance-file", "parentId", folder.toString())));
        UUID memo = id(RestCalls.post(resources, aliceToken, Map.of("name", "Internal memo.docx", "kind", "file",
                "documentType", "internal")));
        return new DemoData(platformOrg, adminId, acme, alice, bob, carol, globex, dave, folder, log, memo);
    }

    /** @param tokens the stack's, {@link LocalStackSettings#jwtTokens()} */
    public String adminToken(JwtTokens tokens) {
        return tokens.issue(adminId, platformOrgId, "operator@shareflow.local", "Platform operator", List.of("admin"),
                TOKEN_TTL);
    }

    public String aliceToken(JwtTokens tokens) {
        return tokens.issue(aliceId, acmeId, "alice@acme.example", "Alice Archer", List.of("producer-admin"), TOKEN_TTL);
    }

    public String bobToken(JwtTokens tokens) {
        return tokens.issue(bobId, acmeId, "bob@acme.example", "Bob Baker", List.of("producer-user"), TOKEN_TTL);
    }

    public String carolToken(JwtTokens tokens) {
        return tokens.issue(carolId, acmeId, "carol@acme.example", "Carol Cook", List.of("viewer"), TOKEN_TTL);
    }

    /**
     * The demo users one can be on the dev sign-in page: the three of Acme Aviation and Globex's dave (who is
     * outside any Acme audience). The platform operator is left out: nobody opens a share as them.
     */
    List<DevSignIn.Account> accounts() {
        return List.of(
                new DevSignIn.Account("alice", new CurrentUser(aliceId, acmeId, "alice@acme.example", "Alice Archer",
                        Set.of("producer-admin")), "producer-admin, Acme Aviation"),
                new DevSignIn.Account("bob", new CurrentUser(bobId, acmeId, "bob@acme.example", "Bob Baker",
                        Set.of("producer-user")), "producer-user, Acme Aviation"),
                new DevSignIn.Account("carol", new CurrentUser(carolId, acmeId, "carol@acme.example", "Carol Cook",
                        Set.of("viewer")), "viewer, Acme Aviation"),
                new DevSignIn.Account("dave", new CurrentUser(daveId, globexId, "dave@globex.example", "Dave Dunn",
                        Set.of("viewer")), "viewer, Globex (another organisation)"));
    }

    private static Map<String, String> user(String email, String name, UUID org) {
        return Map.of("email", email, "displayName", name, "organizationId", org.toString());
    }

    private static UUID id(RestCalls.Response response) {
        if (response.status() != 201) {
            throw new IllegalStateException("Seeding failed: HTTP " + response.status() + " " + response.body());
        }
        return UUID.fromString(response.data().path("id").asText());
    }
}
