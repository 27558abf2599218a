package io.shareflow.testsupport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The REST endpoints a service maps, as its OpenAPI document must describe them: every method of every
 * {@code @RestController} (or {@code @ResponseBody}) mapping, less the pages a person opens (plain {@code @Controller}s
 * rendering views), the error controller and springdoc's own endpoints. Actuator is not in this mapping at all.
 */
public final class ApiEndpoints {

    /** One method and path template, e.g. {@code GET /v1/shares/{shareId}}. */
    public record Endpoint(String method, String path) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private ApiEndpoints() {
    }

    /** @param mapping the application's {@code requestMappingHandlerMapping} bean; not null */
    public static List<Endpoint> of(RequestMappingHandlerMapping mapping) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            if (!isApi(handler)) {
                continue;
            }
            RequestMappingInfo info = entry.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String path : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    endpoints.add(new Endpoint("*", path));
                }
                for (RequestMethod method : methods) {
                    endpoints.add(new Endpoint(method.name(), path));
                }
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method));
        return endpoints;
    }

    /** Boot's {@code ErrorController} (by name: test-support does not depend on Boot's web module). */
    private static boolean isErrorController(Class<?> type) {
        for (Class<?> at = type; at != null; at = at.getSuperclass()) {
            for (Class<?> implemented : at.getInterfaces()) {
                if (implemented.getSimpleName().equals("ErrorController")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isApi(HandlerMethod handler) {
        Class<?> type = handler.getBeanType();
        if (type.getName().startsWith("org.springdoc.") || isErrorController(type)) {
            return false;
        }
        return AnnotatedElementUtils.hasAnnotation(type, ResponseBody.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getMethod(), ResponseBody.class);
    }
}
