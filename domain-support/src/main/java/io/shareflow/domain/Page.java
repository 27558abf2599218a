package io.shareflow.domain;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, as every service's queries return it and the web edge renders it
 * ({@code {"data": [...], "page": {"number", "size", "totalElements"}}}).
 *
 * @param items         the page's items, in order; copied, never null
 * @param number        zero-based page number
 * @param size          the page size asked for
 * @param totalElements matching items on all pages
 */
public record Page<T>(List<T> items, int number, int size, long totalElements) {

    public Page {
        items = List.copyOf(items);
    }

    /** The items of {@code request}'s page, with the total count of all pages. */
    public static <T> Page<T> of(List<T> items, PageRequest request, long totalElements) {
        return new Page<>(items, request.number(), request.size(), totalElements);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), number, size, totalElements);
    }
}
