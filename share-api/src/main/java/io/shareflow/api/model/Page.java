package io.shareflow.api.model;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list.
 *
 * @param number zero-based page number
 * @param size   the page size asked for
 * @param totalElements matching items on all pages
 */
public record Page<T>(List<T> items, int number, int size, long totalElements) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), number, size, totalElements);
    }
}
