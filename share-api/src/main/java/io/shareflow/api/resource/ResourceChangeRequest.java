package io.shareflow.api.resource;

import java.util.UUID;

import io.shareflow.api.resource.model.NewResource;
import io.shareflow.api.resource.model.ResourceChange;
import io.shareflow.support.validation.PlainText;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code PATCH /v1/resources/{id}}, a JSON merge patch: a field left out keeps its value, {@code "parentId":
 * null} moves the resource to the top level. A class with setters rather than a record, because only setters tell a
 * field given as {@code null} from one left out; the fields are checked on their own as a record's would be.
 */
final class ResourceChangeRequest {

    @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
    @PlainText(max = NewResource.MAX_NAME_LENGTH)
    private String name;

    private UUID parentId;

    private boolean nameGiven;

    private boolean parentIdGiven;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
        this.nameGiven = true;
    }

    public UUID getParentId() {
        return parentId;
    }

    public void setParentId(UUID parentId) {
        this.parentId = parentId;
        this.parentIdGiven = true;
    }

    /** The change for the domain; call it on a validated request only. */
    ResourceChange toChange() {
        return ResourceChange.of(nameGiven, name, parentIdGiven, parentId);
    }
}
