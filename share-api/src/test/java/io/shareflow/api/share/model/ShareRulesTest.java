package io.shareflow.api.share.model;

import static io.shareflow.api.share.model.ShareFixtures.NOW;
import static io.shareflow.api.share.model.ShareFixtures.aShareRequest;
import static io.shareflow.api.share.model.ShareFixtures.email;
import static io.shareflow.api.share.model.ShareFixtures.user;
import static io.shareflow.api.share.model.ShareFixtures.withAssetId;
import static io.shareflow.api.share.model.ShareFixtures.withExpiresAt;
import static io.shareflow.api.share.model.ShareFixtures.withMessage;
import static io.shareflow.api.share.model.ShareFixtures.withRecipients;
import static io.shareflow.api.share.model.ShareFixtures.withRole;
import static io.shareflow.api.share.model.ShareFixtures.withSubject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import io.shareflow.domain.InvalidRequest;
import io.shareflow.domain.RefusedRequest;
import io.shareflow.api.resource.model.DocumentType;
import io.shareflow.api.resource.model.Resource;
import io.shareflow.api.resource.model.ResourceKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShareRulesTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final UUID OTHER_ORG = UUID.randomUUID();

    @Nested
    class Fields {

        @Test
        void aMinimalRequestGetsTheDefaults() {
            ValidShareRequest valid = ShareRules.validate(aShareRequest(), NOW);

            assertThat(valid.recipients()).containsExactly(new RecipientRef("recipientEmail", "recipient@example.com", null));
            assertThat(valid.role()).isEqualTo(Role.VIEWER);
            assertThat(valid.notifyRecipient()).isTrue();
            assertThat(valid.expiresAt()).isNull();
            assertThat(valid.subject()).isNull();
            assertThat(valid.message()).isNull();
        }

        @Test
        void anEmptyBodyIsRefused() {
            assertInvalid(null, "body");
        }

        @Test
        void someRecipientIsRequired() {
            assertInvalid(new ShareDraft(null, null, null, null, null, null, null, null), "recipients");
            assertInvalid(new ShareDraft(null, List.of(), null, null, null, null, null, null), "recipients");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "plain", "a@b", "a@@b.com", "a b@c.com", "<a@b.com>", "a@b.com\r\nBcc: x@y.com",
                "a@-b.com", ".a@b.com", "a..b@c.com"})
        void recipientEmailMustBeAnAddress(String address) {
            assertInvalid(new ShareDraft(address, null, null, null, null, null, null, null), "recipientEmail");
        }

        @Test
        void theFieldOfABadRecipientIsNamedWithItsIndex() {
            assertInvalid(withRecipients(email("ok@example.com"), email("not-an-address")), "recipients[1].email");
            assertInvalid(withRecipients(email("ok@example.com"), user("nope")), "recipients[1].userId");
            assertInvalid(withRecipients(new RecipientDraft(null, null)), "recipients[0]");
            assertInvalid(withRecipients(new RecipientDraft("a@example.com", UUID.randomUUID().toString())),
                    "recipients[0]");
        }

        @Test
        void addressesAreTrimmed() {
            assertThat(ShareRules.validate(withRecipients(email("  a@example.com ")), NOW).recipients())
                    .extracting(RecipientRef::email).containsExactly("a@example.com");
        }

        @ParameterizedTest
        @ValueSource(strings = {"viewer", "downloader", "contributor", "manager"})
        void knownRolesAreAccepted(String role) {
            assertThat(ShareRules.validate(withRole(role), NOW).role().value()).isEqualTo(role);
        }

        @ParameterizedTest
        @ValueSource(strings = {"owner", "VIEWER", "", "editor"})
        void unknownRolesAreRefused(String role) {
            assertInvalid(withRole(role), "role");
        }

        @Test
        void subjectIsAtMost200CharactersWithoutLineBreaks() {
            assertThat(ShareRules.validate(withSubject("s".repeat(200)), NOW).subject()).hasSize(200);
            assertInvalid(withSubject("s".repeat(201)), "subject");
            assertInvalid(withSubject("Hello\r\nBcc: evil@example.com"), "subject");
            assertInvalid(withSubject("tab\there"), "subject");
            assertInvalid(withSubject("line\u2028separator"), "subject");
        }

        @Test
        void subjectLengthCountsCharactersNotCodeUnits() {
            assertThat(ShareRules.validate(withSubject("😀".repeat(200)), NOW).subject()).isNotNull();
        }

        @Test
        void blankSubjectAndMessageMeanNone() {
            assertThat(ShareRules.validate(withSubject("  "), NOW).subject()).isNull();
            assertThat(ShareRules.validate(withMessage(""), NOW).message()).isNull();
        }

        @Test
        void messageIsAtMost2000CharactersWithNewlinesAndTabsOnly() {
            assertThat(ShareRules.validate(withMessage("m".repeat(2000)), NOW).message()).hasSize(2000);
            assertInvalid(withMessage("m".repeat(2001)), "message");
            assertThat(ShareRules.validate(withMessage("Hi,\n\tsee attached.\n"), NOW).message())
                    .isEqualTo("Hi,\n\tsee attached.\n");
            assertInvalid(withMessage("bell\u0007"), "message");
            assertInvalid(withMessage("nul\u0000"), "message");
            assertInvalid(withMessage("lone\rreturn"), "message");
        }

        @Test
        void windowsLineBreaksBecomeNewlines() {
            assertThat(ShareRules.validate(withMessage("a\r\nb"), NOW).message()).isEqualTo("a\nb");
        }

        @Test
        void expiresAtMustBeAFutureDateTime() {
            assertThat(ShareRules.validate(withExpiresAt("2027-01-31T00:00:00Z"), NOW).expiresAt())
                    .isEqualTo(Instant.parse("2027-01-31T00:00:00Z"));
            assertThat(ShareRules.validate(withExpiresAt("2027-01-31T01:00:00+01:00"), NOW).expiresAt())
                    .isEqualTo(Instant.parse("2027-01-31T00:00:00Z"));
            assertInvalid(withExpiresAt("2020-01-01T00:00:00Z"), "expiresAt");
            assertInvalid(withExpiresAt(NOW.toString()), "expiresAt");
            assertInvalid(withExpiresAt("tomorrow"), "expiresAt");
            assertInvalid(withExpiresAt("2027-01-31"), "expiresAt");
        }

        @Test
        void assetIdMustBeAUuid() {
            UUID asset = UUID.randomUUID();
            assertThat(ShareRules.validate(withAssetId(asset.toString()), NOW).assetId()).isEqualTo(asset);
            assertInvalid(withAssetId("asset-1"), "assetId");
        }

        @Test
        void notifyFalseIsKept() {
            ShareDraft draft = new ShareDraft("a@example.com", null, null, null, null, null, null, false);
            assertThat(ShareRules.validate(draft, NOW).notifyRecipient()).isFalse();
        }

        private void assertInvalid(ShareDraft draft, String field) {
            assertThatThrownBy(() -> ShareRules.validate(draft, NOW))
                    .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.field()).isEqualTo(field));
        }
    }

    @Nested
    class Recipients {

        @Test
        void duplicatesAreRemovedCaseInsensitivelyKeepingTheFirstSpelling() {
            List<Recipient> recipients = resolve(new ShareDraft("Ann@Example.com",
                    List.of(email("ann@example.com"), email("bob@example.com"), email("BOB@EXAMPLE.COM")),
                    null, null, null, null, null, null), id -> Optional.empty());

            assertThat(recipients).extracting(Recipient::email).containsExactly("Ann@Example.com", "bob@example.com");
        }

        @Test
        void userIdsResolveToTheirAddressAndMergeWithTheSameAddress() {
            UUID ann = UUID.randomUUID();
            List<Recipient> recipients = resolve(withRecipients(email("ANN@example.com"), user(ann.toString())),
                    id -> id.equals(ann) ? Optional.of("ann@example.com") : Optional.empty());

            assertThat(recipients).containsExactly(new Recipient("ANN@example.com", ann));
        }

        @Test
        void anUnknownUserIdIsNamed() {
            assertThatThrownBy(() -> resolve(withRecipients(email("a@example.com"), user(UUID.randomUUID().toString())),
                    id -> Optional.empty()))
                    .isInstanceOfSatisfying(InvalidRequest.class,
                            e -> assertThat(e.field()).isEqualTo("recipients[1].userId"));
        }

        @Test
        void atMost100DistinctRecipients() {
            List<RecipientDraft> hundred = new ArrayList<>(IntStream.range(0, 100)
                    .mapToObj(i -> email("r" + i + "@example.com")).toList());
            hundred.add(email("R0@EXAMPLE.COM"));
            assertThat(resolve(withRecipients(hundred.toArray(RecipientDraft[]::new)), id -> Optional.empty()))
                    .hasSize(100);

            hundred.add(email("r100@example.com"));
            assertThatThrownBy(() -> resolve(withRecipients(hundred.toArray(RecipientDraft[]::new)), id -> Optional.empty()))
                    .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.field()).isEqualTo("recipients"));
        }

        @Test
        void hugeListsAreRefusedBeforeAnyLookup() {
            RecipientDraft[] many = IntStream.range(0, 1001).mapToObj(i -> email("r@example.com"))
                    .toArray(RecipientDraft[]::new);
            assertThatThrownBy(() -> ShareRules.validate(withRecipients(many), NOW))
                    .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.field()).isEqualTo("recipients"));
        }

        @Test
        void usersOfAnotherOrganisationAreRefusedByAddress() {
            List<Recipient> recipients = List.of(new Recipient("mine@example.com", null),
                    new Recipient("Theirs@Example.com", null));
            Map<String, Set<UUID>> organizations = Map.of("mine@example.com", Set.of(ORG),
                    "theirs@example.com", Set.of(OTHER_ORG));

            assertThatThrownBy(() -> ShareRules.checkRecipientOrganizations(ORG, recipients, organizations))
                    .isInstanceOfSatisfying(RefusedRequest.class,
                            e -> assertThat(e.details()).containsEntry("recipientEmail", "Theirs@Example.com"));
        }

        @Test
        void unknownAndOwnUsersAreFine() {
            ShareRules.checkRecipientOrganizations(ORG, List.of(new Recipient("mine@example.com", null),
                    new Recipient("new@example.com", null)), Map.of("mine@example.com", Set.of(ORG)));
        }

        private List<Recipient> resolve(ShareDraft draft, java.util.function.Function<UUID, Optional<String>> users) {
            return ShareRules.resolveRecipients(ShareRules.validate(draft, NOW).recipients(), users);
        }
    }

    @Nested
    class ResourceRules {

        private final UUID asset = UUID.randomUUID();

        @Test
        void internalDocumentsCannotBeShared() {
            assertThatThrownBy(() -> ShareRules.checkResource(file(DocumentType.INTERNAL), null))
                    .isInstanceOfSatisfying(RefusedRequest.class, e -> {
                        assertThat(e.getMessage()).isEqualTo("Operation not allowed for this entity type.");
                        assertThat(e.details()).isEqualTo(Map.of("entityType", "Document"));
                    });
        }

        @Test
        void shareableDocumentsFoldersAndCollectionsCanBeShared() {
            ShareRules.checkResource(file(DocumentType.ASSET_DOCUMENT), asset);
            ShareRules.checkResource(file(DocumentType.MAINTENANCE_FILE), null);
            ShareRules.checkResource(container(ResourceKind.FOLDER), asset);
            ShareRules.checkResource(container(ResourceKind.COLLECTION), null);
        }

        @Test
        void theAssetNamedMustBeTheResources() {
            assertThatThrownBy(() -> ShareRules.checkResource(file(DocumentType.ASSET_DOCUMENT), UUID.randomUUID()))
                    .isInstanceOf(RefusedRequest.class);
            assertThatThrownBy(() -> ShareRules.checkResource(
                    new Resource(UUID.randomUUID(), ORG, "no asset", ResourceKind.FOLDER, null, null, null,
                            UUID.randomUUID(), NOW), asset))
                    .isInstanceOf(RefusedRequest.class);
        }

        private Resource file(DocumentType type) {
            return new Resource(UUID.randomUUID(), ORG, "f.pdf", ResourceKind.FILE, type, asset, null,
                    UUID.randomUUID(), NOW);
        }

        private Resource container(ResourceKind kind) {
            return new Resource(UUID.randomUUID(), ORG, "c", kind, null, asset, null, UUID.randomUUID(), NOW);
        }
    }
}
