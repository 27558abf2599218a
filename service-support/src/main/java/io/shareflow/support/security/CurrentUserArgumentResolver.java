package io.shareflow.support.security;

import java.util.Optional;

import io.shareflow.support.web.ApiException;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Supplies {@code CurrentUser} (required: 401 without one) and {@code Optional<CurrentUser>} controller parameters. */
final class CurrentUserArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CurrentUser.class || isOptionalCurrentUser(parameter);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        Optional<CurrentUser> user;
        try {
            user = CurrentUser.current();
        } catch (InvalidBearerTokenException e) {
            throw ApiException.unauthorized("The bearer token is invalid.");
        }
        if (isOptionalCurrentUser(parameter)) {
            return user;
        }
        return user.orElseThrow(() -> ApiException.unauthorized(
                "Authentication required: send a bearer token in the Authorization header."));
    }

    private static boolean isOptionalCurrentUser(MethodParameter parameter) {
        return parameter.getParameterType() == Optional.class
                && ResolvableType.forMethodParameter(parameter).getGeneric(0).resolve() == CurrentUser.class;
    }
}
