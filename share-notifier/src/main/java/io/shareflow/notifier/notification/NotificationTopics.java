package io.shareflow.notifier.notification;

import io.shareflow.support.kafka.TopicDeclarations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates at start-up, if missing, the topic this service produces and the dead-letter topic of
 * the one it consumes (brokers here do not auto-create topics).
 */
@Configuration(proxyBeanMethods = false)
class NotificationTopics {

    @Bean
    KafkaAdmin.NewTopics notifierTopics(TopicDeclarations declarations, TopicSettings topics) {
        return TopicDeclarations.all(
                declarations.topic(topics.notifications()),
                declarations.deadLetterTopic(topics.shareEvents()));
    }
}
