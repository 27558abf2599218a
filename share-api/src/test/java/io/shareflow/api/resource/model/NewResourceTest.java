package io.shareflow.api.resource.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import io.shareflow.domain.InvalidRequest;
import org.junit.jupiter.api.Test;

class NewResourceTest {

    @Test
    void filesNeedADocumentType() {
        assertThat(NewResource.of(" Manual.pdf ", "file", "maintenance-file", null, null))
                .isEqualTo(new NewResource("Manual.pdf", ResourceKind.FILE, DocumentType.MAINTENANCE_FILE, null, null));
        assertInvalid(() -> NewResource.of("Manual.pdf", "file", null, null, null), "documentType");
        assertInvalid(() -> NewResource.of("Manual.pdf", "file", "secret", null, null), "documentType");
    }

    @Test
    void foldersAndCollectionsMustNotHaveOne() {
        UUID asset = UUID.randomUUID();
        assertThat(NewResource.of("Docs", "folder", null, asset.toString(), null).assetId()).isEqualTo(asset);
        assertThat(NewResource.of("Set", "collection", null, null, null).kind()).isEqualTo(ResourceKind.COLLECTION);
        assertInvalid(() -> NewResource.of("Docs", "folder", "internal", null, null), "documentType");
    }

    @Test
    void nameKindAndIdsAreChecked() {
        assertInvalid(() -> NewResource.of(null, "folder", null, null, null), "name");
        assertInvalid(() -> NewResource.of("  ", "folder", null, null, null), "name");
        assertInvalid(() -> NewResource.of("n".repeat(256), "folder", null, null, null), "name");
        assertInvalid(() -> NewResource.of("a\nb", "folder", null, null, null), "name");
        assertInvalid(() -> NewResource.of("Docs", null, null, null, null), "kind");
        assertInvalid(() -> NewResource.of("Docs", "Folder", null, null, null), "kind");
        assertInvalid(() -> NewResource.of("Docs", "folder", null, "x", null), "assetId");
        assertInvalid(() -> NewResource.of("Docs", "folder", null, null, "x"), "parentId");
    }

    private void assertInvalid(Runnable create, String field) {
        assertThatThrownBy(create::run)
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
