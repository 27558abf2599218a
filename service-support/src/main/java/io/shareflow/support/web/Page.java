package io.shareflow.support.web;

/**
 * The paging part of a {@link PageEnvelope}.
 *
 * @param number        zero-based page number, &ge; 0
 * @param size          requested page size, &ge; 1
 * @param totalElements number of items on all pages together, &ge; 0
 */
public record Page(int number, int size, long totalElements) {

    public Page {
        if (number < 0 || size < 1 || totalElements < 0) {
            throw new IllegalArgumentException(
                    "invalid page: number=" + number + ", size=" + size + ", totalElements=" + totalElements);
        }
    }
}
