package io.shareflow.support.web;

import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Says what kind of value a Java type expects, in words a client understands (never a class name). */
final class TypeDescriptions {

    private TypeDescriptions() {
    }

    static String expected(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type == LocalDate.class) {
            return "an ISO-8601 date (yyyy-MM-dd)";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date-time (e.g. 2027-01-31T00:00:00Z)";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class && type != char.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of the allowed values";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a valid value";
    }
}
