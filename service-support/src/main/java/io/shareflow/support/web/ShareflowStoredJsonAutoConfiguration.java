package io.shareflow.support.web;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * {@link StoredJson}, the lenient reader of JSON a service stored itself, made from Boot's strict {@code JsonMapper}
 * (a bean of its own type, not a second {@code JsonMapper}: Boot's would back off).
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
@ConditionalOnBean(JsonMapper.class)
public final class ShareflowStoredJsonAutoConfiguration {

    @Bean
    StoredJson shareflowStoredJson(JsonMapper json) {
        return new StoredJson(json);
    }
}
