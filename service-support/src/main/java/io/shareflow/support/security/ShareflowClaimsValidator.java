package io.shareflow.support.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;

/**
 * Rejects, at decoding time, what shareflow does not accept, so such a token is a 401 at the door rather than a
 * failure deep in a controller or a listener: no {@code exp} (a token must end), {@code sub} and {@code org} not
 * UUIDs, a {@code name} or {@code email} longer than the columns they are stored in, and — when configured — another
 * {@code iss} or an {@code aud} without this one. Registered as a bean, which Boot's JWK-set and issuer decoders also
 * pick up (their own timestamp check lets a token without {@code exp} through; this one does not).
 */
final class ShareflowClaimsValidator implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2Error NO_EXPIRY = invalid("The token has no exp claim");
    private static final OAuth2Error MISSING_IDS = invalid("The token's sub and org claims must be UUIDs");

    private final List<OAuth2TokenValidator<Jwt>> configured = new ArrayList<>();

    /**
     * @param issuer   the {@code iss} a token must have; null for any
     * @param audience the {@code aud} a token must name; null for any
     */
    ShareflowClaimsValidator(String issuer, String audience) {
        if (issuer != null) {
            configured.add(new JwtIssuerValidator(issuer));
        }
        if (audience != null) {
            configured.add(new JwtAudienceValidator(audience));
        }
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        if (jwt.getExpiresAt() == null) {
            return OAuth2TokenValidatorResult.failure(NO_EXPIRY);
        }
        if (Claims.uuid(jwt, Claims.SUBJECT) == null || Claims.uuid(jwt, Claims.ORGANIZATION) == null) {
            return OAuth2TokenValidatorResult.failure(MISSING_IDS);
        }
        Optional<String> overlong = Claims.overlong(jwt);
        if (overlong.isPresent()) {
            return OAuth2TokenValidatorResult.failure(invalid("The token's " + overlong.get() + " claim is too long"));
        }
        for (OAuth2TokenValidator<Jwt> check : configured) {
            OAuth2TokenValidatorResult result = check.validate(jwt);
            if (result.hasErrors()) {
                return result;
            }
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2Error invalid(String description) {
        return new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null);
    }
}
