package io.shareflow.support.kafka;

import java.util.Map;

import jakarta.validation.ValidationException;
import org.apache.kafka.common.errors.SerializationException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.validation.method.MethodValidationException;

/**
 * The one consumer error handler of a service, as the spring-kafka samples do it: a
 * {@link DefaultErrorHandler} that retries with exponential backoff and then hands the record to a
 * {@link DeadLetterPublishingRecoverer} writing to {@code <topic>.dlt}. Boot's listener container factory
 * picks up the {@link CommonErrorHandler} bean.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties({KafkaErrorSettings.class, KafkaTopicsSettings.class})
public final class ShareflowKafkaAutoConfiguration {

    /**
     * Errors that no retry can fix: unreadable records, and records the listener rejected as invalid.
     * (spring-kafka already treats its DeserializationException, conversion errors and ClassCastException so.)
     */
    @SuppressWarnings("unchecked")
    static final Class<? extends Exception>[] NOT_RETRYABLE = new Class[] {
            SerializationException.class, IllegalArgumentException.class, ValidationException.class,
            MethodValidationException.class};

    @Bean
    @ConditionalOnMissingBean
    TopicDeclarations topicDeclarations(KafkaTopicsSettings settings) {
        return new TopicDeclarations(settings);
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetterProducer shareflowDeadLetterProducer(ObjectProvider<ProducerFactory<?, ?>> producerFactory,
                                                   KafkaProperties properties,
                                                   ObjectProvider<KafkaConnectionDetails> connectionDetails) {
        return new DeadLetterProducer(producerConfig(producerFactory.getIfUnique(), properties, connectionDetails.getIfAvailable()));
    }

    /** Dead letters go to {@code <topic>.dlt}; partition -1 lets Kafka choose, so partition counts need not match. */
    @Bean
    @ConditionalOnMissingBean
    DeadLetterPublishingRecoverer deadLetterPublishingRecoverer(DeadLetterProducer producer) {
        return new LoggingDeadLetterPublishingRecoverer(producer.template());
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler kafkaErrorHandler(DeadLetterPublishingRecoverer recoverer, KafkaErrorSettings settings) {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(settings.maxAttempts() - 1);
        backOff.setInitialInterval(settings.initialInterval().toMillis());
        backOff.setMultiplier(settings.multiplier());
        backOff.setMaxInterval(settings.maxInterval().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(NOT_RETRYABLE);
        return handler;
    }

    /**
     * The service's producer configuration (bootstrap servers, security, acks): taken from Boot's producer
     * factory when there is exactly one, so connection details and customizers apply; else from properties.
     */
    private static Map<String, Object> producerConfig(ProducerFactory<?, ?> factory, KafkaProperties properties,
                                                      KafkaConnectionDetails connectionDetails) {
        if (factory != null && !factory.getConfigurationProperties().isEmpty()) {
            return factory.getConfigurationProperties();
        }
        Map<String, Object> config = properties.buildProducerProperties();
        if (connectionDetails != null) {
            config.put("bootstrap.servers", connectionDetails.getProducer().getBootstrapServers());
        }
        return config;
    }
}
