package io.shareflow.support.web;

import java.util.List;
import java.util.Objects;

import tools.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import tools.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import tools.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * The body of a successful list response:
 * {@code {"data": [...], "page": {"number", "size", "totalElements"}}}.
 * In XML: {@code <response><data><item>...</item></data><page>...</page></response>}.
 *
 * @param data the items of this page; not null (may be empty), stored as an unmodifiable copy
 * @param page where this page is; not null
 * @param <T>  the item type
 */
@JacksonXmlRootElement(localName = "response")
public record PageEnvelope<T>(
        @JacksonXmlElementWrapper(localName = "data") @JacksonXmlProperty(localName = "item") List<T> data,
        PagePosition page) {

    public PageEnvelope {
        data = List.copyOf(Objects.requireNonNull(data, "data"));
        Objects.requireNonNull(page, "page");
    }

    /** Convenience for {@code new PageEnvelope<>(items, new PagePosition(number, size, totalElements))}. */
    public static <T> PageEnvelope<T> of(List<T> items, int number, int size, long totalElements) {
        return new PageEnvelope<>(items, new PagePosition(number, size, totalElements));
    }

    /** The envelope of a domain {@link io.shareflow.domain.Page}, the one page type of every service. */
    public static <T> PageEnvelope<T> of(io.shareflow.domain.Page<T> page) {
        return of(page.items(), page.number(), page.size(), page.totalElements());
    }
}
