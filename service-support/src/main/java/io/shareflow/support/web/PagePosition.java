package io.shareflow.support.web;

/**
 * Where a page of a {@link PageEnvelope} is (rendered as its {@code page} object); the page itself is {@link io.shareflow.domain.Page}.
 *
 * @param number        zero-based page number, &ge; 0
 * @param size          requested page size, &ge; 1
 * @param totalElements number of items on all pages together, &ge; 0
 */
public record PagePosition(int number, int size, long totalElements) {

    public PagePosition {
        if (number < 0 || size < 1 || totalElements < 0) {
            throw new IllegalArgumentException(
                    "invalid page: number=" + number + ", size=" + size + ", totalElements=" + totalElements);
        }
    }
}
