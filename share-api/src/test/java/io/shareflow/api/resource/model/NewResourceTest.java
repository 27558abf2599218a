package io.shareflow.api.resource.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import io.shareflow.domain.InvalidRequest;
import org.junit.jupiter.api.Test;

/** Whether the document type fits the kind; each field on its own is ResourceRequestValidationTest's. */
class NewResourceTest {

    @Test
    void filesNeedADocumentType() {
        assertThat(NewResource.of(" Manual.pdf ", ResourceKind.FILE, DocumentType.MAINTENANCE_FILE, null, null))
                .isEqualTo(new NewResource("Manual.pdf", ResourceKind.FILE, DocumentType.MAINTENANCE_FILE, null, null));
        assertInvalid(() -> NewResource.of("Manual.pdf", ResourceKind.FILE, null, null, null), "documentType");
    }

    @Test
    void foldersAndCollectionsMustNotHaveOne() {
        UUID asset = UUID.randomUUID();
        UUID parent = UUID.randomUUID();
        assertThat(NewResource.of("Docs", ResourceKind.FOLDER, null, asset, parent))
                .isEqualTo(new NewResource("Docs", ResourceKind.FOLDER, null, asset, parent));
        assertThat(NewResource.of("Set", ResourceKind.COLLECTION, null, null, null).kind())
                .isEqualTo(ResourceKind.COLLECTION);
        assertInvalid(() -> NewResource.of("Docs", ResourceKind.FOLDER, DocumentType.INTERNAL, null, null), "documentType");
        assertInvalid(() -> NewResource.of("Set", ResourceKind.COLLECTION, DocumentType.ASSET_DOCUMENT, null, null),
                "documentType");
    }

    private void assertInvalid(Runnable create, String field) {
        assertThatThrownBy(create::run)
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
