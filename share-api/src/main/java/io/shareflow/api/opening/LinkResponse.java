package io.shareflow.api.opening;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import tools.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * A share as {@code GET /v1/links/{token}} shows it to whoever opened it.
 *
 * @param audience a link's; left out for a direct share
 * @param name     a link's name; left out when it has none
 * @param items    a folder's or collection's items, one level; left out for a file
 * @param expiresAt null = never
 */
record LinkResponse(UUID shareId, String type, @JsonInclude(JsonInclude.Include.NON_NULL) String audience,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String name, Resource resource,
                    @JsonInclude(JsonInclude.Include.NON_NULL)
                    @JacksonXmlElementWrapper(localName = "items") @JacksonXmlProperty(localName = "item")
                    List<Resource> items,
                    String role, Instant expiresAt, boolean canDownload, Person sharedBy, Instant sharedAt) {

    /** @param documentType files only; null otherwise */
    record Resource(UUID id, String name, String kind, String documentType) {

        static Resource of(ResourceSummary resource) {
            return new Resource(resource.id(), resource.name(), resource.kind(), resource.documentType());
        }
    }

    /** Who shared it (either may be null when unknown). */
    record Person(String name, String email) {

        static Person of(SharedBy sharedBy) {
            return new Person(sharedBy.name(), sharedBy.email());
        }
    }

    static LinkResponse of(OpenedShare share) {
        return new LinkResponse(share.shareId(), share.type(), share.audience(), share.name(),
                Resource.of(share.resource()),
                "file".equals(share.resource().kind()) ? null : share.items().stream().map(Resource::of).toList(),
                share.role(), share.expiresAt(), share.canDownload(), Person.of(share.sharedBy()), share.sharedAt());
    }
}
