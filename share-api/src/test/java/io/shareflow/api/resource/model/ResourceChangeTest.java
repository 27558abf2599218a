package io.shareflow.api.resource.model;

import static io.shareflow.api.resource.model.ResourceMovesTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import io.shareflow.domain.InvalidRequest;
import org.junit.jupiter.api.Test;

class ResourceChangeTest {

    private final Resource resource = withParent(resource(ResourceKind.FOLDER, null), UUID.randomUUID());

    @Test
    void whatIsLeftOutKeepsItsValue() {
        Resource after = ResourceChange.of(false, null, false, null).applyTo(resource);

        assertThat(after).isEqualTo(resource);
    }

    @Test
    void renamesWithoutSurroundingBlanks() {
        Resource after = ResourceChange.of(true, "  Pumps ", false, null).applyTo(resource);

        assertThat(after.name()).isEqualTo("Pumps");
        assertThat(after.parentId()).isEqualTo(resource.parentId());
    }

    @Test
    void aNullParentMovesToTheTopLevel() {
        ResourceChange change = ResourceChange.of(false, null, true, null);

        assertThat(change.move()).isTrue();
        assertThat(change.applyTo(resource).parentId()).isNull();
        assertThat(change.applyTo(resource).name()).isEqualTo(resource.name());
    }

    @Test
    void movesUnderAnotherParent() {
        UUID parent = UUID.randomUUID();

        assertThat(ResourceChange.of(false, null, true, parent).applyTo(resource).parentId()).isEqualTo(parent);
    }

    @Test
    void aNameCannotBeRemoved() {
        assertThatThrownBy(() -> ResourceChange.of(true, null, false, null))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.field()).isEqualTo("name"));
    }

    private static Resource withParent(Resource r, UUID parentId) {
        return new Resource(r.id(), r.organizationId(), r.name(), r.kind(), r.documentType(), r.assetId(), parentId,
                r.createdBy(), r.createdAt());
    }
}
