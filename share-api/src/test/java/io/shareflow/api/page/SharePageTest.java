package io.shareflow.api.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import io.shareflow.api.opening.LinkOpener;
import io.shareflow.api.opening.OpenedShare;
import io.shareflow.api.opening.ResourceSummary;
import io.shareflow.api.opening.SharedBy;
import org.junit.jupiter.api.Test;

/** The share page in words: only what the opener answered. */
class SharePageTest {

    private static final SharedBy ALICE = new SharedBy(UUID.randomUUID(), "Alice Archer", "alice@acme.example");

    @Test
    void aFolderLinkWithItsItemsRoleAndExpiry() {
        SharePage page = SharePage.of(new OpenedShare(UUID.randomUUID(), "link", "anyone", "For the auditors",
                new ResourceSummary(UUID.randomUUID(), "Fleet maintenance", "folder", null),
                List.of(new ResourceSummary(UUID.randomUUID(), "A320 log.pdf", "file", "maintenance-file")),
                "downloader", Instant.parse("2027-01-31T00:00:00Z"), true, ALICE, Instant.parse("2026-12-01T09:30:00Z")));
        assertThat(page.resourceName()).isEqualTo("Fleet maintenance");
        assertThat(page.kind()).isEqualTo("Folder");
        assertThat(page.container()).isTrue();
        assertThat(page.items()).containsExactly(new SharePage.Item("A320 log.pdf", "File", "Maintenance file"));
        assertThat(page.moreItems()).isFalse();
        assertThat(page.role()).isEqualTo("Downloader");
        assertThat(page.access()).isEqualTo("You can view and download it.");
        assertThat(page.expires()).isEqualTo("31 January 2027, 00:00 UTC");
        assertThat(page.sharedAt()).isEqualTo("1 December 2026, 09:30 UTC");
        assertThat(page.sharerName()).isEqualTo("Alice Archer");
        assertThat(page.sharerEmail()).isEqualTo("alice@acme.example");
        assertThat(page.linkName()).isEqualTo("For the auditors");
        assertThat(page.audience()).isEqualTo("Anyone who has this link can open it.");
    }

    @Test
    void aDirectShareOfAFileThatNeverExpires() {
        SharePage page = SharePage.of(new OpenedShare(UUID.randomUUID(), "person", null, null,
                new ResourceSummary(UUID.randomUUID(), "Memo.pdf", "file", "asset-document"), List.of(), "viewer", null,
                false, new SharedBy(UUID.randomUUID(), null, "bob@acme.example"), Instant.parse("2026-12-01T09:30:00Z")));
        assertThat(page.container()).isFalse();
        assertThat(page.documentType()).isEqualTo("Asset document");
        assertThat(page.expires()).isNull();
        assertThat(page.access()).isEqualTo("You can view it.");
        assertThat(page.audience()).isEqualTo("Shared with you personally.");
        // Without a name the address stands in for it, and is not repeated beside it.
        assertThat(page.sharerName()).isEqualTo("bob@acme.example");
        assertThat(page.sharerEmail()).isNull();
    }

    @Test
    void aFullListSaysThereMayBeMore() {
        List<ResourceSummary> items = Collections.nCopies(LinkOpener.MAX_ITEMS,
                new ResourceSummary(UUID.randomUUID(), "x", "file", "asset-document"));
        SharePage page = SharePage.of(new OpenedShare(UUID.randomUUID(), "link", "anyone", null,
                new ResourceSummary(UUID.randomUUID(), "Big", "collection", null), items, "viewer", null, false, ALICE,
                Instant.parse("2026-12-01T09:30:00Z")));
        assertThat(page.kind()).isEqualTo("Collection");
        assertThat(page.moreItems()).isTrue();
    }

    @Test
    void waitsInWordsRoundedUp() {
        assertThat(RecipientPageController.inWords(Duration.ofMillis(300))).isEqualTo("1 second");
        assertThat(RecipientPageController.inWords(Duration.ofSeconds(40))).isEqualTo("40 seconds");
        assertThat(RecipientPageController.inWords(Duration.ofSeconds(60))).isEqualTo("1 minute");
        assertThat(RecipientPageController.inWords(Duration.ofMinutes(14).plusSeconds(3))).isEqualTo("15 minutes");
        assertThat(RecipientPageController.inWords(Duration.ofHours(3))).isEqualTo("3 hours");
    }
}
