package io.shareflow.support.openapi;

import java.util.Iterator;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Names the schema of a nested record by its enclosing type too ({@code ShareRequest.Recipient} becomes
 * {@code ShareRequestRecipient}): the services have several records called {@code Recipient}, and swagger-core
 * would otherwise give them one schema.
 */
final class NestedTypeNames implements ModelConverter {

    private static final String OURS = "io.shareflow.";

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if ((type.getName() == null || type.getName().isBlank()) && type.getType() != null) {
            JavaType javaType = Json.mapper().constructType(type.getType());
            Class<?> raw = javaType.getRawClass();
            if (raw.getName().startsWith(OURS) && raw.getEnclosingClass() != null && raw.getTypeParameters().length == 0
                    && !raw.isAnnotationPresent(io.swagger.v3.oas.annotations.media.Schema.class)) {
                type.name(nameOf(raw));
            }
        }
        return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    }

    static String nameOf(Class<?> type) {
        return type.getEnclosingClass() == null ? type.getSimpleName()
                : nameOf(type.getEnclosingClass()) + type.getSimpleName();
    }
}
