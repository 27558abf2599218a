package io.shareflow.domain;

/**
 * Which page of a list to return. The query parameters are {@code page} and {@code size}.
 *
 * @param number zero-based
 * @param size   1..{@value #MAX_SIZE}
 */
public record PageRequest(int number, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /**
     * @param number null = the first page
     * @param size   null = {@value #DEFAULT_SIZE}
     * @throws InvalidRequest naming {@code page} or {@code size} when out of range
     */
    public static PageRequest of(Integer number, Integer size) {
        int n = number == null ? 0 : number;
        int s = size == null ? DEFAULT_SIZE : size;
        if (n < 0) {
            throw new InvalidRequest("page", "must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new InvalidRequest("size", "must be between 1 and " + MAX_SIZE);
        }
        return new PageRequest(n, s);
    }

    public long offset() {
        return (long) number * size;
    }
}
