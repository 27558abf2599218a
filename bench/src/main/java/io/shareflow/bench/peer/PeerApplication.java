package io.shareflow.bench.peer;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import io.namastack.outbox.OutboxProcessingScheduler;
import io.namastack.outbox.OutboxProperties;
import io.namastack.outbox.OutboxRecordRepository;
import io.namastack.outbox.partition.PartitionCoordinator;
import io.namastack.outbox.processor.OutboxRecordProcessor;
import io.namastack.outbox.trigger.OutboxPollingTrigger;
import io.shareflow.outbox.OutboxRelay;
import org.apache.kafka.clients.producer.ProducerConfig;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.TaskExecutor;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.scheduling.TaskScheduler;

/**
 * The peer's Spring Boot application: namastack-outbox's JDBC starter auto-configured on Boot's
 * DataSource, a {@link KafkaTemplate} with the relay's producer settings, and the handler.
 * shareflow's own outbox auto-configuration is excluded (see {@link NamastackOutboxPeer}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class PeerApplication {

    /** The relay's producer settings exactly (idempotent, acks=all, linger, batch size, timeouts, serializers). */
    @Bean
    ProducerFactory<String, byte[]> producerFactory(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
                                                    @Value("${bench.peer.linger-ms:-1}") int lingerMs) {
        Map<String, Object> config = new HashMap<>(OutboxRelay.producerDefaults());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        if (lingerMs >= 0) {
            config.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        }
        return new DefaultKafkaProducerFactory<>(config);
    }

    @Bean
    KafkaTemplate<String, byte[]> kafkaTemplate(ProducerFactory<String, byte[]> producerFactory) {
        return new KafkaTemplate<>(producerFactory);
    }

    @Bean
    KafkaTemplateOutboxHandler kafkaTemplateOutboxHandler(KafkaTemplate<String, byte[]> kafkaTemplate,
                                                          @Value("${bench.peer.topic}") String topic) {
        return new KafkaTemplateOutboxHandler(kafkaTemplate, topic);
    }

    /** Replaces the auto-configured scheduler (it backs off) with the same one, started by hand. */
    @Bean
    OutboxProcessingScheduler outboxProcessingScheduler(OutboxPollingTrigger trigger, OutboxRecordRepository recordRepository,
                                                        OutboxRecordProcessor recordProcessorChain,
                                                        PartitionCoordinator partitionCoordinator, OutboxProperties properties,
                                                        Clock clock, BeanFactory beanFactory) {
        return new ManuallyStartedProcessingScheduler(trigger,
                beanFactory.getBean(OutboxProcessingScheduler.SCHEDULER_NAME, TaskScheduler.class),
                recordRepository, recordProcessorChain, partitionCoordinator,
                beanFactory.getBean("outboxTaskExecutor", TaskExecutor.class), properties, clock);
    }
}
