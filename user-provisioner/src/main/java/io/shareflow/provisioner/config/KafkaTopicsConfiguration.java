package io.shareflow.provisioner.config;

import io.shareflow.support.kafka.TopicDeclarations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics this service produces, and the dead-letter topic of the one it consumes, created at
 * start-up when missing (brokers do not auto-create topics). Existing topics are left as they are.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

    @Bean
    KafkaAdmin.NewTopics userProvisionerTopics(TopicDeclarations declarations, TopicSettings topics) {
        return TopicDeclarations.all(
                declarations.topic(topics.shareProvisioning()),
                declarations.compactedTopic(topics.userDirectory()),
                declarations.deadLetterTopic(topics.shareEvents()));
    }
}
