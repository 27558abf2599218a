package io.shareflow.support.openapi;

import java.lang.annotation.Annotation;
import java.util.Optional;

import io.shareflow.support.security.CurrentUser;
import io.shareflow.support.validation.PlainText;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationComponentsCustomizer;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.HandlerMethod;

/**
 * The shared parts of every service's OpenAPI document ({@link ShareflowOpenApi}); springdoc serves it at
 * {@code /v3/api-docs} and Swagger UI at {@code /swagger-ui.html}, both open to anyone
 * ({@code ShareflowSecurity.PUBLIC_API_DOC_PATHS}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(GlobalOpenApiCustomizer.class)
public final class ShareflowOpenApiAutoConfiguration {

    static {
        // Resolved by CurrentUserArgumentResolver from the token, not sent by the client.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
    }

    @Bean
    GlobalOpenApiCustomizer shareflowOpenApiDocument(Environment environment) {
        String title = environment.getProperty("spring.application.name", "shareflow");
        return openApi -> ShareflowOpenApi.customiseDocument(openApi, title);
    }

    @Bean
    GlobalOperationComponentsCustomizer shareflowOpenApiOperations() {
        return new GlobalOperationComponentsCustomizer() {
            @Override
            public Operation customize(Operation operation, Components components, HandlerMethod handler) {
                return ShareflowOpenApi.customiseOperation(operation, components, handler);
            }

            /** springdoc calls the variant with the components; this one is never the one that counts. */
            @Override
            public Operation customize(Operation operation, HandlerMethod handler) {
                return operation;
            }
        };
    }

    @Bean
    ModelConverter shareflowNestedTypeNames() {
        return new NestedTypeNames();
    }

    /** {@code @PlainText(max)} as the {@code maxLength} it is (swagger-core knows only the standard constraints). */
    @Bean
    PropertyCustomizer shareflowOpenApiProperties() {
        return (property, type) -> {
            if (property != null && type != null && type.getCtxAnnotations() != null) {
                for (Annotation annotation : type.getCtxAnnotations()) {
                    if (annotation instanceof PlainText text && property.getMaxLength() == null) {
                        property.setMaxLength(text.max());
                    }
                }
            }
            return property;
        };
    }

    /**
     * The caller ({@link CurrentUser}, also as {@code Optional<CurrentUser>}) comes from the token, not from the
     * client: no parameter. A path variable bound to a type of the service's own (a token whose {@code toString}
     * hides it) is a string on the wire.
     */
    @Bean
    ParameterCustomizer shareflowOpenApiParameters() {
        return (parameter, method) -> {
            if (parameter == null || method == null) {
                return parameter;
            }
            Class<?> type = method.getParameterType() == Optional.class
                    ? method.nestedIfOptional().getNestedParameterType() : method.getParameterType();
            if (CurrentUser.class.isAssignableFrom(type)) {
                return null;
            }
            if (method.hasParameterAnnotation(PathVariable.class) && type.getName().startsWith("io.shareflow.")
                    && !type.isEnum()) {
                parameter.setSchema(ShareflowOpenApi.schema("string"));
            }
            return parameter;
        };
    }
}
