package io.shareflow.support.web;

import tools.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * The body of a successful single-item response: {@code {"data": {...}}}.
 * In XML: {@code <response><data>...</data></response>}.
 *
 * @param data the item; may be null only for an empty payload (serialized as {@code "data": null})
 * @param <T>  the item type
 */
@JacksonXmlRootElement(localName = "response")
public record DataEnvelope<T>(T data) {

    /** Wraps an item; see {@link DataEnvelope#data()} for the null contract. */
    public static <T> DataEnvelope<T> of(T data) {
        return new DataEnvelope<>(data);
    }
}
