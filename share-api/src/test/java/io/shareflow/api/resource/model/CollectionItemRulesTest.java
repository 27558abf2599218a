package io.shareflow.api.resource.model;

import static io.shareflow.api.resource.model.ResourceMovesTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shareflow.domain.RefusedRequest;
import org.junit.jupiter.api.Test;

class CollectionItemRulesTest {

    private final Resource collection = resource(ResourceKind.COLLECTION, null);

    @Test
    void aCollectionHoldsFilesAndFolders() {
        CollectionItemRules.checkItem(collection, resource(ResourceKind.FILE, DocumentType.MAINTENANCE_FILE));
        CollectionItemRules.checkItem(collection, resource(ResourceKind.FILE, DocumentType.ASSET_DOCUMENT));
        CollectionItemRules.checkItem(collection, resource(ResourceKind.FOLDER, null));
    }

    @Test
    void notOtherCollections() {
        assertThatThrownBy(() -> CollectionItemRules.checkItem(collection, resource(ResourceKind.COLLECTION, null)))
                .isInstanceOfSatisfying(RefusedRequest.class,
                        e -> assertThat(e.details()).containsEntry("field", "resourceId").containsEntry("kind", "collection"));
    }

    @Test
    void notInternalDocuments() {
        assertThatThrownBy(() -> CollectionItemRules.checkItem(collection, resource(ResourceKind.FILE, DocumentType.INTERNAL)))
                .isInstanceOfSatisfying(RefusedRequest.class,
                        e -> assertThat(e.details()).containsEntry("entityType", "Document"));
    }

    @Test
    void onlyACollectionHasItems() {
        for (Resource target : new Resource[] {resource(ResourceKind.FOLDER, null),
                resource(ResourceKind.FILE, DocumentType.ASSET_DOCUMENT)}) {
            assertThatThrownBy(() -> CollectionItemRules.requireCollection(target))
                    .isInstanceOfSatisfying(RefusedRequest.class,
                            e -> assertThat(e.details()).containsEntry("kind", target.kind().value()));
            assertThatThrownBy(() -> CollectionItemRules.checkItem(target, resource(ResourceKind.FOLDER, null)))
                    .isInstanceOf(RefusedRequest.class);
        }
        CollectionItemRules.requireCollection(collection);
    }
}
