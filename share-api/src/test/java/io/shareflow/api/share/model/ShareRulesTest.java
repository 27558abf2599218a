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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import io.shareflow.api.resource.model.DocumentType;
import io.shareflow.api.resource.model.Resource;
import io.shareflow.api.resource.model.ResourceKind;
import io.shareflow.domain.InvalidRequest;
import io.shareflow.domain.RefusedRequest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ShareRulesTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final UUID OTHER_ORG = UUID.randomUUID();

    /** The rules over several fields, and the normal form; each field on its own: ShareRequestValidationTest. */
    @Nested
    class Request {

        @Test
        void aMinimalRequestGetsTheDefaults() {
            ValidShareRequest valid = ShareRules.validate(aShareRequest());

            assertThat(valid.recipients()).containsExactly(new RecipientRef("recipientEmail", "recipient@example.com", null));
            assertThat(valid.role()).isEqualTo(Role.VIEWER);
            assertThat(valid.notifyRecipient()).isTrue();
            assertThat(valid.expiresAt()).isNull();
            assertThat(valid.subject()).isNull();
            assertThat(valid.message()).isNull();
            assertThat(valid.assetId()).isNull();
            assertThat(valid.requireSignIn()).isFalse();
        }

        @Test
        void requireSignInIsKept() {
            assertThat(ShareRules.validate(new ShareDraft("a@example.com", null, null, null, null, null, null, null,
                    true)).requireSignIn()).isTrue();
            assertThat(ShareRules.validate(new ShareDraft("a@example.com", null, null, null, null, null, null, null,
                    false)).requireSignIn()).isFalse();
        }

        @Test
        void someRecipientIsRequired() {
            assertInvalid(new ShareDraft(null, null, null, null, null, null, null, null, null), "recipients");
            assertInvalid(new ShareDraft(null, List.of(), null, null, null, null, null, null, null), "recipients");
        }

        @Test
        void eachEntryOfRecipientsHasEitherAnAddressOrAUserId() {
            assertInvalid(withRecipients(new RecipientDraft(null, null)), "recipients[0]");
            assertInvalid(withRecipients(email("ok@example.com"), new RecipientDraft("a@example.com", UUID.randomUUID())),
                    "recipients[1]");
            assertInvalid(new ShareDraft(null, Arrays.asList(email("ok@example.com"), null), null, null, null, null,
                    null, null, null), "recipients[1]");
        }

        @Test
        void theFieldOfEachRecipientIsNamedWithItsIndex() {
            UUID user = UUID.randomUUID();
            assertThat(ShareRules.validate(new ShareDraft("a@example.com", List.of(email("b@example.com"), user(user)),
                    null, null, null, null, null, null, null)).recipients()).containsExactly(
                    new RecipientRef("recipientEmail", "a@example.com", null),
                    new RecipientRef("recipients[0].email", "b@example.com", null),
                    new RecipientRef("recipients[1].userId", null, user));
        }

        @Test
        void addressesAreTrimmed() {
            assertThat(ShareRules.validate(withRecipients(email("  a@example.com "))).recipients())
                    .extracting(RecipientRef::email).containsExactly("a@example.com");
            assertThat(ShareRules.validate(new ShareDraft(" b@example.com\t", null, null, null, null, null, null, null, null))
                    .recipients()).extracting(RecipientRef::email).containsExactly("b@example.com");
        }

        @ParameterizedTest
        @EnumSource(Role.class)
        void theRoleAskedForIsKept(Role role) {
            assertThat(ShareRules.validate(withRole(role)).role()).isEqualTo(role);
        }

        @Test
        void blankSubjectAndMessageMeanNone() {
            assertThat(ShareRules.validate(withSubject("  ")).subject()).isNull();
            assertThat(ShareRules.validate(withMessage("")).message()).isNull();
            assertThat(ShareRules.validate(withSubject("The manual")).subject()).isEqualTo("The manual");
        }

        @Test
        void messagesKeepNewlinesAndTabs() {
            assertThat(ShareRules.validate(withMessage("Hi,\n\tsee attached.\n")).message())
                    .isEqualTo("Hi,\n\tsee attached.\n");
        }

        @Test
        void windowsLineBreaksBecomeNewlines() {
            assertThat(ShareRules.validate(withMessage("a\r\nb\r\n")).message()).isEqualTo("a\nb\n");
        }

        @Test
        void expiresAtIsKeptToTheMillisecond() {
            assertThat(ShareRules.validate(withExpiresAt(Instant.parse("2027-01-31T00:00:00Z"))).expiresAt())
                    .isEqualTo(Instant.parse("2027-01-31T00:00:00Z"));
            assertThat(ShareRules.validate(withExpiresAt(Instant.parse("2027-01-31T00:00:00.123456789Z"))).expiresAt())
                    .isEqualTo(Instant.parse("2027-01-31T00:00:00.123Z"));
        }

        @Test
        void assetIdIsKept() {
            UUID asset = UUID.randomUUID();
            assertThat(ShareRules.validate(withAssetId(asset)).assetId()).isEqualTo(asset);
        }

        @Test
        void notifyFalseIsKept() {
            ShareDraft draft = new ShareDraft("a@example.com", null, null, null, null, null, null, false, null);
            assertThat(ShareRules.validate(draft).notifyRecipient()).isFalse();
        }

        private void assertInvalid(ShareDraft draft, String field) {
            assertThatThrownBy(() -> ShareRules.validate(draft))
                    .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.field()).isEqualTo(field));
        }
    }

    @Nested
    class Recipients {

        @Test
        void duplicatesAreRemovedCaseInsensitivelyKeepingTheFirstSpelling() {
            List<Recipient> recipients = resolve(new ShareDraft("Ann@Example.com",
                    List.of(email("ann@example.com"), email("bob@example.com"), email("BOB@EXAMPLE.COM")),
                    null, null, null, null, null, null, null), id -> Optional.empty());

            assertThat(recipients).extracting(Recipient::email).containsExactly("Ann@Example.com", "bob@example.com");
        }

        @Test
        void userIdsResolveToTheirAddressAndMergeWithTheSameAddress() {
            UUID ann = UUID.randomUUID();
            List<Recipient> recipients = resolve(withRecipients(email("ANN@example.com"), user(ann)),
                    id -> id.equals(ann) ? Optional.of(new Recipient("ann@example.com", ann, "Ann Archer", null))
                            : Optional.empty());

            assertThat(recipients).containsExactly(new Recipient("ANN@example.com", ann, "Ann Archer",
                    "recipients[0].email"));
        }

        @Test
        void aUserIdKeepsItsFieldAndName() {
            UUID ann = UUID.randomUUID();
            List<Recipient> recipients = resolve(withRecipients(email("bob@example.com"), user(ann)),
                    id -> Optional.of(new Recipient("ann@example.com", ann, null, null)));

            assertThat(recipients).containsExactly(new Recipient("bob@example.com", null, null, "recipients[0].email"),
                    new Recipient("ann@example.com", ann, null, "recipients[1].userId"));
        }

        @Test
        void anUnknownUserIdIsRefusedNamingIt() {
            assertThatThrownBy(() -> resolve(withRecipients(email("a@example.com"), user(UUID.randomUUID())),
                    id -> Optional.empty()))
                    .isInstanceOfSatisfying(RefusedRequest.class,
                            e -> assertThat(e.details()).containsEntry("field", "recipients[1].userId"));
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
            assertThatThrownBy(() -> ShareRules.validate(withRecipients(many)))
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

        private List<Recipient> resolve(ShareDraft draft, java.util.function.Function<UUID, Optional<Recipient>> users) {
            return ShareRules.resolveRecipients(ShareRules.validate(draft).recipients(), users);
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
