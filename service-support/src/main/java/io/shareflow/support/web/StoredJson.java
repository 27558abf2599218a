package io.shareflow.support.web;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON a service wrote into its own database (a stored answer, a policy before and after) and reads back later,
 * perhaps after an upgrade: read leniently, since a field a later version dropped must not make old rows unreadable.
 * Request bodies stay strict (Boot's {@code JsonMapper}, see {@link ShareflowRequestLimitsAutoConfiguration}); this is
 * the one lenient copy of it, with the same modules and settings otherwise.
 */
public final class StoredJson {

    private final JsonMapper json;

    StoredJson(JsonMapper strict) {
        this.json = strict.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    public String write(Object value) {
        return json.writeValueAsString(value);
    }

    public <T> T read(String text, Class<T> type) {
        return json.readValue(text, type);
    }
}
