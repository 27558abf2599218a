package io.shareflow.support.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import org.apache.kafka.clients.consumer.ConsumerConfig;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * The one consumer error handler of a service, as the spring-kafka samples do it: a
 * {@link DefaultErrorHandler} that retries with exponential backoff and then hands the record to a
 * {@link DeadLetterPublishingRecoverer} writing to {@code <topic>.dlt} — except when the infrastructure
 * failed (database, SMTP, network): then the record is retried until it succeeds and never dead-lettered
 * ({@code RecordRetryPolicy}). Boot's listener container factory picks up the {@link CommonErrorHandler} bean.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties({KafkaErrorSettings.class, KafkaTopicsSettings.class, TopicNames.class})
public final class ShareflowKafkaAutoConfiguration {

    /** Kafka's default {@code max.poll.interval.ms}. */
    private static final Duration DEFAULT_MAX_POLL_INTERVAL = Duration.ofMinutes(5);

    @Bean
    @ConditionalOnMissingBean
    TopicDeclarations topicDeclarations(KafkaTopicsSettings settings) {
        return new TopicDeclarations(settings);
    }

    /** The topics of {@code shareflow.kafka.topics.*}, created when missing; existing topics are left as they are. */
    @Bean
    KafkaAdmin.NewTopics shareflowDeclaredTopics(TopicDeclarations declarations) {
        return declarations.declared();
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetterProducer shareflowDeadLetterProducer(ObjectProvider<ProducerFactory<?, ?>> producerFactory,
                                                   KafkaProperties properties,
                                                   ObjectProvider<KafkaConnectionDetails> connectionDetails) {
        return new DeadLetterProducer(producerConfig(producerFactory.getIfUnique(), properties, connectionDetails.getIfAvailable()));
    }

    /**
     * Dead letters go to {@code <topic>.dlt}; partition -1 lets Kafka choose, so partition counts need not match. The
     * service's {@link DeadLetterFollowUp} beans are told of each one published.
     */
    @Bean
    @ConditionalOnMissingBean
    DeadLetterPublishingRecoverer deadLetterPublishingRecoverer(DeadLetterProducer producer,
                                                                ObjectProvider<DeadLetterFollowUp> followUps,
                                                                ObjectProvider<MeterRegistry> registry,
                                                                KafkaTopicsSettings topics) {
        return new LoggingDeadLetterPublishingRecoverer(producer.template(),
                new DeadLetterCounts(registry.getIfAvailable(), topics.consumed()), followUps.orderedStream().toList());
    }

    /**
     * Kafka 4 reports each per-topic consumer metric twice while the old form is deprecated: with the topic's name
     * and with its dots replaced by underscores. Only the first is kept, so a sum of lag counts each partition once.
     */
    @Bean
    MeterFilter shareflowDeprecatedKafkaTopicMetrics(TopicNames names) {
        return DeprecatedTopicMetrics.filter(List.of(names.shareEvents(), names.shareProvisioning(),
                names.shareNotifications(), names.userDirectory()));
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler kafkaErrorHandler(DeadLetterPublishingRecoverer recoverer, KafkaErrorSettings settings,
                                          ObjectProvider<ConsumerFactory<?, ?>> consumerFactory,
                                          KafkaProperties properties) {
        requireBackoffsBelowMaxPollInterval(settings, maxPollInterval(consumerFactory.getIfUnique(), properties));
        return errorHandler(recoverer, settings);
    }

    /**
     * The handler itself. Not-retryable types are decided by the policy's back-off function rather than by
     * {@code addNotRetryableExceptions}, because spring-kafka consults that list first and an infrastructure
     * failure must win even when it is wrapped in, say, a {@code ValidationException}.
     * spring-kafka's default seek-after-error stays on: after each wait it seeks back to the failed record and
     * the consumer polls again, so however long an outage lasts, no gap between two polls exceeds one wait
     * (plus the failed attempt).
     */
    static DefaultErrorHandler errorHandler(DeadLetterPublishingRecoverer recoverer, KafkaErrorSettings settings) {
        RecordRetryPolicy policy = new RecordRetryPolicy(settings);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, policy.bounded());
        handler.setBackOffFunction((record, failure) -> policy.backOffFor(failure));
        handler.setRetryListeners(new InfrastructureRetryLogger());
        return handler;
    }

    /**
     * A wait of the error handler happens on the consumer thread between two polls; one longer than
     * {@code max.poll.interval.ms} would make the broker evict the consumer and rebalance the group.
     */
    static void requireBackoffsBelowMaxPollInterval(KafkaErrorSettings settings, Duration maxPollInterval) {
        if (settings.infrastructureMaxBackoff().compareTo(maxPollInterval) >= 0
                || settings.maxInterval().compareTo(maxPollInterval) >= 0) {
            throw new IllegalStateException("shareflow.kafka.errors.max-interval (" + settings.maxInterval()
                    + ") and infrastructure-max-backoff (" + settings.infrastructureMaxBackoff()
                    + ") must be shorter than the consumer's max.poll.interval.ms (" + maxPollInterval.toMillis() + ")");
        }
    }

    private static Duration maxPollInterval(ConsumerFactory<?, ?> factory, KafkaProperties properties) {
        Map<String, Object> config = factory != null ? factory.getConfigurationProperties() : properties.buildConsumerProperties();
        Object value = config.get(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG);
        return value == null ? DEFAULT_MAX_POLL_INTERVAL : Duration.ofMillis(Long.parseLong(value.toString().trim()));
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
