package io.shareflow.api.resource.model;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.shareflow.domain.Conflict;
import io.shareflow.domain.InvalidRequest;

/** Where a resource may go in its organisation's tree of folders. */
public final class ResourceMoves {

    private ResourceMoves() {
    }

    /**
     * A resource may be put under a folder (a collection holds its items by reference, not as their parent) that is
     * neither the resource itself nor below it.
     *
     * @param resource                 the resource to move; not null
     * @param newParent                the folder to move it under, found in the same organisation; not null
     * @param newParentAndItsAncestors the new parent's id and its ancestors' ids, nearest first; not null
     * @throws InvalidRequest naming {@code parentId} when the new parent is not a folder
     * @throws Conflict naming {@code parentId} when the move would make a cycle
     */
    public static void check(Resource resource, Resource newParent, List<UUID> newParentAndItsAncestors) {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(newParent, "newParent");
        if (newParent.kind() != ResourceKind.FOLDER) {
            throw new InvalidRequest("parentId", "must be a folder");
        }
        if (newParentAndItsAncestors.contains(resource.id())) {
            throw new Conflict(newParent.id().equals(resource.id())
                    ? "A resource cannot be moved under itself."
                    : "A folder cannot be moved under one of its own subfolders.", "parentId");
        }
    }
}
