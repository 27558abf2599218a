package io.shareflow.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import io.shareflow.schemas.AvroEventDeserializer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.CannotCreateTransactionException;

class KafkaErrorHandlingConfigurationTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(KafkaAutoConfiguration.class, ShareflowKafkaAutoConfiguration.class));

    @Test
    void oneDefaultErrorHandlerIsUsedByBootsListenerContainerFactory() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(CommonErrorHandler.class);
            assertThat(context.getBean(CommonErrorHandler.class)).isInstanceOf(DefaultErrorHandler.class);
            assertThat(context).hasSingleBean(DeadLetterPublishingRecoverer.class);
            ConcurrentKafkaListenerContainerFactory<?, ?> factory = context.getBean(ConcurrentKafkaListenerContainerFactory.class);
            assertThat(factory).extracting("commonErrorHandler").isSameAs(context.getBean(CommonErrorHandler.class));
        });
    }

    @Test
    void retrySettingsHaveTheDocumentedDefaultsAndCanBeChanged() {
        runner.run(context -> assertThat(context.getBean(KafkaErrorSettings.class))
                .isEqualTo(new KafkaErrorSettings(Duration.ofMillis(500), 2, Duration.ofSeconds(10), 6, Duration.ofSeconds(30))));
        runner.withPropertyValues("shareflow.kafka.errors.initial-interval=1s", "shareflow.kafka.errors.max-attempts=3",
                        "shareflow.kafka.errors.infrastructure-max-backoff=2m")
                .run(context -> assertThat(context.getBean(KafkaErrorSettings.class))
                        .isEqualTo(new KafkaErrorSettings(Duration.ofSeconds(1), 2, Duration.ofSeconds(10), 3, Duration.ofMinutes(2))));
    }

    @Test
    void infrastructureMaxBackoffBelowInitialIntervalIsRefused() {
        runner.withPropertyValues("shareflow.kafka.errors.initial-interval=1s", "shareflow.kafka.errors.infrastructure-max-backoff=500ms")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("infrastructure-max-backoff must be at least initial-interval"));
    }

    @Test
    void aWaitAsLongAsTheMaxPollIntervalIsRefusedAtStartUp() {
        runner.withPropertyValues("spring.kafka.consumer.max-poll-interval=30s")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("must be shorter than the consumer's max.poll.interval.ms (30000)"));
        runner.withPropertyValues("spring.kafka.consumer.max-poll-interval=31s")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(CommonErrorHandler.class));
        runner.withPropertyValues("shareflow.kafka.errors.infrastructure-max-backoff=6m")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("max.poll.interval.ms (300000)"));
    }

    @Test
    void theHandlerBeanRetriesInfrastructureFailuresWithoutEndAndDeadLettersOthers() {
        DeadLetterPublishingRecoverer deadLetters = mock(DeadLetterPublishingRecoverer.class);
        runner.withBean(DeadLetterPublishingRecoverer.class, () -> deadLetters)
                .withPropertyValues("shareflow.kafka.errors.initial-interval=1ms", "shareflow.kafka.errors.max-interval=2ms",
                        "shareflow.kafka.errors.infrastructure-max-backoff=2ms", "shareflow.kafka.errors.max-attempts=3")
                .run(context -> {
                    DefaultErrorHandler handler = context.getBean(DefaultErrorHandler.class);
                    var consumer = mock(Consumer.class);
                    var container = mock(MessageListenerContainer.class);
                    var outage = new ListenerExecutionFailedException("Listener method threw",
                            new CannotCreateTransactionException("Could not open JDBC Connection for transaction"));
                    var bug = new ListenerExecutionFailedException("Listener method threw", new IllegalStateException("bug"));

                    var waiting = new ConsumerRecord<>("share.events.v1", 0, 5L, "k", "v");
                    for (int delivery = 1; delivery <= 20; delivery++) {
                        assertThat(handler.handleOne(outage, waiting, consumer, container)).as("given up after delivery %d", delivery).isFalse();
                    }
                    verify(deadLetters, never()).accept(any(), any(), any());

                    var failing = new ConsumerRecord<>("share.events.v1", 1, 9L, "k", "v");
                    assertThat(List.of(handler.handleOne(bug, failing, consumer, container), handler.handleOne(bug, failing, consumer, container),
                            handler.handleOne(bug, failing, consumer, container))).containsExactly(false, false, true);
                    verify(deadLetters).accept(same(failing), same(consumer), same(bug));
                });
    }

    @Test
    void failedRecordsGoToTheDeadLetterTopicOnAPartitionKafkaChooses() {
        runner.run(context -> {
            DeadLetterPublishingRecoverer recoverer = context.getBean(DeadLetterPublishingRecoverer.class);
            @SuppressWarnings("unchecked")
            var resolver = (BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition>)
                    ReflectionTestUtils.getField(recoverer, "destinationResolver");
            var destination = resolver.apply(new ConsumerRecord<>("share.events.v1", 2, 17L, "k", "v"), new RuntimeException());

            assertThat(destination.topic()).isEqualTo("share.events.v1.dlt");
            assertThat(destination.partition()).isEqualTo(-1);
        });
    }

    @Test
    void serviceOwnErrorHandlerWins() {
        runner.withBean("myHandler", CommonErrorHandler.class, DefaultErrorHandler::new).run(context -> {
            assertThat(context).hasSingleBean(CommonErrorHandler.class);
            assertThat(context).hasBean("myHandler").doesNotHaveBean("kafkaErrorHandler");
        });
    }

    @Test
    void consumerDefaultsToErrorHandlingAvroDeserializerUnlessTheServiceSaysOtherwise() {
        ApplicationContextRunner consumer = new ApplicationContextRunner()
                .withInitializer(context -> new KafkaDeserializerDefaults().postProcessEnvironment(context.getEnvironment(), null))
                .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class));

        consumer.run(context -> assertThat(context.getBean(ConsumerFactory.class).getConfigurationProperties())
                .containsEntry(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class)
                .containsEntry(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class)
                .containsEntry(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, AvroEventDeserializer.class.getName()));

        consumer.withPropertyValues("spring.kafka.consumer.value-deserializer=" + ByteArrayDeserializer.class.getName())
                .run(context -> assertThat(context.getBean(ConsumerFactory.class).getConfigurationProperties())
                        .containsEntry(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }
}
