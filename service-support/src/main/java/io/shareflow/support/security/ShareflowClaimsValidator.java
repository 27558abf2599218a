package io.shareflow.support.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Rejects, at decoding time, a token without UUID {@code sub} and {@code org} claims, so such a token is a
 * 401 at the door rather than a failure deep in a controller. Registered as a bean, which Boot's JWK-set
 * and issuer decoders also pick up.
 */
final class ShareflowClaimsValidator implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2Error MISSING_IDS = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
            "The token's sub and org claims must be UUIDs", null);

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        boolean valid = Claims.uuid(jwt, Claims.SUBJECT) != null && Claims.uuid(jwt, Claims.ORGANIZATION) != null;
        return valid ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(MISSING_IDS);
    }
}
