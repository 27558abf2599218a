package io.shareflow.api.opening;

import java.util.Objects;

import io.shareflow.support.security.CurrentUser;

/**
 * Someone asks to open a share by its link.
 *
 * @param token          the token of the link as presented ({@code /s/{token}}, {@code /v1/links/{token}}); not null.
 *                       Never logged; {@link #toString()} leaves it (and the password) out
 * @param caller         the signed-in caller (bearer or {@code shareflow_session} cookie); null = anonymous
 * @param password       {@code X-Share-Password} or the page's password form; null = none given
 * @param passwordProof  the page's token-bound cookie: the {@link LinkPasswords#version} of the password this browser
 *                       gave a moment ago (it opens the link only while that is still its password); null = none
 * @param clientAddress  the client's address, for the rate limit per address; null = unknown (limited as one address)
 * @param channel        not null
 */
public record OpenAttempt(String token, CurrentUser caller, String password, String passwordProof,
                          String clientAddress, Channel channel) {

    public OpenAttempt {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(channel, "channel");
    }

    @Override
    public String toString() {
        return "OpenAttempt[token=…, caller=" + (caller == null ? "anonymous" : caller.userId())
                + ", password=" + (password == null ? "none" : "…") + ", passwordProof=" + (passwordProof != null)
                + ", channel=" + channel + "]";
    }
}
