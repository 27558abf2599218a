package io.shareflow.support.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

import io.shareflow.schemas.AvroEventDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * Makes shareflow's consumer set-up the default: keys as strings, values through
 * {@link ErrorHandlingDeserializer} delegating to {@link AvroEventDeserializer}, so a record that cannot be
 * read becomes a dead letter instead of stopping its partition.
 *
 * <p>The properties are added as the environment's <em>last</em> source, so anything a service sets
 * ({@code application.yml}, environment variables, test properties) overrides them. Boot's own default for
 * {@code spring.kafka.consumer.value-deserializer} is {@code StringDeserializer}; a consumer-factory
 * customizer could not tell that default from a deliberate choice, a property default can.
 */
public final class KafkaDeserializerDefaults implements EnvironmentPostProcessor {

    /** Name of the property source holding these defaults. */
    public static final String PROPERTY_SOURCE_NAME = "shareflowKafkaDeserializerDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
            return;
        }
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.kafka.consumer.key-deserializer", StringDeserializer.class.getName());
        defaults.put("spring.kafka.consumer.value-deserializer", ErrorHandlingDeserializer.class.getName());
        defaults.put("spring.kafka.consumer.properties." + ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS,
                AvroEventDeserializer.class.getName());
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
    }
}
