package io.shareflow.api.opening;

/** Where a share was opened: the REST API ({@code GET /v1/links/{token}}) or the recipient's page ({@code /s/{token}}). */
public enum Channel {
    API("api"), PAGE("page");

    private final String value;

    Channel(String value) {
        this.value = value;
    }

    /** Lower case, as in the activity list and {@code ShareOpened.channel}. */
    public String value() {
        return value;
    }
}
