package io.shareflow.api.messaging;

import io.shareflow.support.kafka.TopicDeclarations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics share-api creates if they are missing: the one it produces and the dead-letter topics
 * of those it consumes. The consumed topics belong to their producers; the listeners wait for them.
 */
@Configuration(proxyBeanMethods = false)
class TopicsConfiguration {

    @Bean
    KafkaAdmin.NewTopics shareApiTopics(TopicDeclarations declarations, TopicSettings topics) {
        return TopicDeclarations.all(
                declarations.topic(topics.shareEvents()),
                declarations.deadLetterTopic(topics.shareProvisioning()),
                declarations.deadLetterTopic(topics.shareNotifications()),
                declarations.deadLetterTopic(topics.userDirectory()));
    }
}
