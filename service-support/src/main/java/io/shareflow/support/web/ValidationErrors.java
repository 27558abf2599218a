package io.shareflow.support.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * Turns the three shapes of bean-validation failure into envelope errors, one per violation, each naming
 * its field the way the client wrote it ({@code recipients[1].email}, a query parameter, a header).
 * Sorted by field so responses are stable (Hibernate Validator reports in no particular order).
 */
final class ValidationErrors {

    private static final Comparator<ApiError> BY_FIELD =
            Comparator.comparing(e -> String.valueOf(e.extension().getOrDefault(ApiError.FIELD, "")));

    private ValidationErrors() {
    }

    /** From {@code @Valid @RequestBody} / {@code @ModelAttribute} binding ({@code MethodArgumentNotValidException}). */
    static List<ApiError> of(BindingResult result) {
        List<ApiError> errors = new ArrayList<>();
        for (FieldError error : result.getFieldErrors()) {
            errors.add(fieldError(error));
        }
        for (ObjectError error : result.getGlobalErrors()) {
            errors.add(ApiError.of(ErrorCodes.BAD_REQUEST, messageOf(error)));
        }
        return sorted(errors);
    }

    /** From Spring MVC's built-in method validation (constraints on controller method parameters). */
    static List<ApiError> of(HandlerMethodValidationException ex) {
        List<ApiError> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            if (result instanceof ParameterErrors bound) {
                errors.addAll(of(bound));
                continue;
            }
            String field = parameterName(result.getMethodParameter()) + containerSuffix(result);
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                errors.add(ApiError.forField(ErrorCodes.BAD_REQUEST, field + ": " + messageOf(error), field));
            }
        }
        for (MessageSourceResolvable error : ex.getCrossParameterValidationResults()) {
            errors.add(ApiError.of(ErrorCodes.BAD_REQUEST, messageOf(error)));
        }
        if (errors.isEmpty()) {
            errors.add(ApiError.of(ErrorCodes.BAD_REQUEST, "The request is invalid."));
        }
        return sorted(errors);
    }

    private static List<ApiError> of(ParameterErrors errors) {
        List<ApiError> result = new ArrayList<>();
        for (FieldError error : errors.getFieldErrors()) {
            result.add(fieldError(error));
        }
        for (ObjectError error : errors.getGlobalErrors()) {
            String field = parameterName(errors.getMethodParameter());
            result.add(ApiError.forField(ErrorCodes.BAD_REQUEST, field + ": " + messageOf(error), field));
        }
        return result;
    }

    /** From {@code @Validated} beans or a {@code Validator} called by hand (jakarta {@code ConstraintViolationException}). */
    static List<ApiError> of(ConstraintViolationException ex) {
        List<ApiError> errors = new ArrayList<>();
        if (ex.getConstraintViolations() != null) {
            for (ConstraintViolation<?> violation : ex.getConstraintViolations()) {
                String field = fieldOf(violation.getPropertyPath());
                String message = field.isEmpty() ? violation.getMessage() : field + ": " + violation.getMessage();
                errors.add(ApiError.forField(ErrorCodes.BAD_REQUEST, message, field.isEmpty() ? null : field));
            }
        }
        if (errors.isEmpty()) {
            errors.add(ApiError.of(ErrorCodes.BAD_REQUEST, "The request is invalid."));
        }
        return sorted(errors);
    }

    /**
     * The property path as a client sees it: method and parameter nodes of method validation dropped,
     * container indexes attached ({@code create.request.recipients[1].email} becomes {@code recipients[1].email}).
     * A violation on a plain parameter keeps the parameter's name.
     */
    static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        String parameterName = null;
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.RETURN_VALUE
                    || kind == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                parameterName = node.getName();
                continue;
            }
            if (node.isInIterable()) {
                if (field.isEmpty() && parameterName != null) {
                    field.append(parameterName);
                }
                Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                field.append('[').append(at == null ? "" : at).append(']');
            }
            String name = node.getName();
            // Container element nodes are named like "<list element>"; they add nothing for a client.
            if (name != null && !name.startsWith("<") && kind != ElementKind.BEAN) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(name);
            }
        }
        if (field.isEmpty() && parameterName != null) {
            return parameterName;
        }
        return field.toString();
    }

    private static ApiError fieldError(FieldError error) {
        // A binding failure's default message is a conversion stack ("Failed to convert ... java.util.UUID"); hide it.
        String message = error.isBindingFailure() ? "invalid value" : messageOf(error);
        return ApiError.forField(ErrorCodes.BAD_REQUEST, error.getField() + ": " + message, error.getField());
    }

    private static String parameterName(MethodParameter parameter) {
        // name() and value() are aliases, but the raw annotation only fills the one that was written.
        String declared = "";
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null) {
            declared = param.name().isEmpty() ? param.value() : param.name();
        }
        PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
        if (variable != null) {
            declared = variable.name().isEmpty() ? variable.value() : variable.name();
        }
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null) {
            declared = header.name().isEmpty() ? header.value() : header.name();
        }
        if (!declared.isEmpty()) {
            return declared;
        }
        String name = parameter.getParameterName();
        return name != null ? name : "arg" + parameter.getParameterIndex();
    }

    private static String containerSuffix(ParameterValidationResult result) {
        if (result.getContainerIndex() != null) {
            return "[" + result.getContainerIndex() + "]";
        }
        if (result.getContainerKey() != null) {
            return "[" + result.getContainerKey() + "]";
        }
        return "";
    }

    private static String messageOf(MessageSourceResolvable error) {
        String message = error.getDefaultMessage();
        return message != null ? message : "invalid value";
    }

    private static List<ApiError> sorted(List<ApiError> errors) {
        errors.sort(BY_FIELD);
        return errors;
    }
}
