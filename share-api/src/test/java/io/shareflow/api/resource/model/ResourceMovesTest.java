package io.shareflow.api.resource.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.shareflow.domain.Conflict;
import io.shareflow.domain.InvalidRequest;
import org.junit.jupiter.api.Test;

class ResourceMovesTest {

    private final Resource folder = resource(ResourceKind.FOLDER, null);
    private final Resource target = resource(ResourceKind.FOLDER, null);

    @Test
    void aFolderMayGoUnderAnotherFolderThatIsNotBelowIt() {
        UUID grandParent = UUID.randomUUID();

        ResourceMoves.check(folder, target, List.of(target.id(), grandParent));
    }

    @Test
    void notUnderItself() {
        assertThatThrownBy(() -> ResourceMoves.check(folder, folder, List.of(folder.id())))
                .isInstanceOfSatisfying(Conflict.class, e -> {
                    assertThat(e.field()).isEqualTo("parentId");
                    assertThat(e.getMessage()).contains("itself");
                });
    }

    @Test
    void notUnderOneOfItsDescendants() {
        assertThatThrownBy(() -> ResourceMoves.check(folder, target, List.of(target.id(), UUID.randomUUID(),
                folder.id(), UUID.randomUUID())))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.getMessage()).contains("subfolders"));
    }

    @Test
    void onlyUnderAFolder() {
        for (ResourceKind kind : List.of(ResourceKind.COLLECTION, ResourceKind.FILE)) {
            Resource parent = resource(kind, kind == ResourceKind.FILE ? DocumentType.ASSET_DOCUMENT : null);
            assertThatThrownBy(() -> ResourceMoves.check(folder, parent, List.of(parent.id())))
                    .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.field()).isEqualTo("parentId"));
        }
    }

    static Resource resource(ResourceKind kind, DocumentType documentType) {
        return new Resource(UUID.randomUUID(), UUID.randomUUID(), kind.value(), kind, documentType, null, null,
                UUID.randomUUID(), Instant.parse("2027-01-01T00:00:00Z"));
    }
}
