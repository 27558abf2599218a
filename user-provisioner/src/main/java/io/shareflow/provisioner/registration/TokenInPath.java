package io.shareflow.provisioner.registration;

import java.util.Objects;

/**
 * A registration token as it arrives in a request path ({@code /v1/registrations/{token}}, {@code /register/{token}}).
 * A type of its own, not a String, so that the framework's own lines (the handler's arguments at TRACE, for one)
 * show {@code …} instead of the token: {@link #toString} never shows it. Spring binds the path variable through the
 * public constructor.
 *
 * @param value the token as given; not null
 */
public record TokenInPath(String value) {

    public TokenInPath {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "…";
    }
}
