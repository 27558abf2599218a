package io.shareflow.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.shareflow.schemas.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.util.ReflectionTestUtils;

/** The topics a service declares through {@code shareflow.kafka.topics.*}, and the names of {@code shareflow.topics.*}. */
class KafkaTopicsConfigurationTest {

    /** No broker here: Boot's {@link KafkaAdmin} must not try to create the declared topics at start-up. */
    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, ShareflowKafkaAutoConfiguration.class))
            .withPropertyValues("spring.kafka.admin.auto-create=false");

    @Test
    void topicsHaveConfiguredShape() {
        runner.withPropertyValues("shareflow.kafka.topics.partitions=6", "shareflow.kafka.topics.replication-factor=3",
                "shareflow.kafka.topics.produced=a", "shareflow.kafka.topics.compacted=c",
                "shareflow.kafka.topics.consumed=d").run(context -> {
            TopicDeclarations topics = context.getBean(TopicDeclarations.class);
            NewTopic events = topics.topic("share.events.v1");
            NewTopic deadLetters = topics.deadLetterTopic("user.directory.v1");
            NewTopic directory = topics.compactedTopic("user.directory.v1");

            assertThat(events.numPartitions()).isEqualTo(6);
            assertThat(events.replicationFactor()).isEqualTo((short) 3);
            assertThat(deadLetters.name()).isEqualTo("user.directory.v1.dlt");
            assertThat(deadLetters.configs()).isNullOrEmpty();
            assertThat(directory.configs()).containsEntry("cleanup.policy", "compact");
            assertThat(declared(context).values()).hasSize(3).allSatisfy(topic -> {
                assertThat(topic.numPartitions()).isEqualTo(6);
                assertThat(topic.replicationFactor()).isEqualTo((short) 3);
            });
        });
        runner.run(context -> assertThat(context.getBean(TopicDeclarations.class).topic("t").numPartitions()).isEqualTo(3));
    }

    @Test
    void theSettingsListsAreDeclaredAsTopics() {
        runner.withPropertyValues("shareflow.kafka.topics.produced=a,b", "shareflow.kafka.topics.compacted=c",
                "shareflow.kafka.topics.consumed=d").run(context -> {
            assertThat(context).hasNotFailed().hasBean("shareflowDeclaredTopics");
            Map<String, NewTopic> topics = declared(context);

            assertThat(topics).containsOnlyKeys("a", "b", "c", "d.dlt");
            for (String name : List.of("a", "b", "d.dlt")) {
                assertThat(topics.get(name).numPartitions()).as(name).isEqualTo(3);
                assertThat(topics.get(name).replicationFactor()).as(name).isEqualTo((short) 1);
                assertThat(topics.get(name).configs()).as(name).isNullOrEmpty();
            }
            assertThat(topics.get("c").numPartitions()).isEqualTo(3);
            assertThat(topics.get("c").configs()).containsExactlyEntriesOf(Map.of("cleanup.policy", "compact"));
        });
    }

    @Test
    void kafkaAdminCreatesExactlyTheDeclaredTopics() {
        runner.withPropertyValues("shareflow.kafka.topics.produced=a,b", "shareflow.kafka.topics.compacted=c",
                "shareflow.kafka.topics.consumed=d").run(context -> {
            Collection<NewTopic> created = ReflectionTestUtils.invokeMethod(context.getBean(KafkaAdmin.class), "newTopics");

            assertThat(created).extracting(NewTopic::name).containsExactlyInAnyOrder("a", "b", "c", "d.dlt");
        });
    }

    @Test
    void withoutListsNothingIsDeclared() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasBean("shareflowDeclaredTopics");
            assertThat(declared(context)).isEmpty();
            Collection<NewTopic> created = ReflectionTestUtils.invokeMethod(context.getBean(KafkaAdmin.class), "newTopics");
            assertThat(created).isEmpty();
        });
    }

    @Test
    void topicNamesDefaultToTheSchemasTopics() {
        runner.run(context -> assertThat(context.getBean(TopicNames.class)).isEqualTo(new TopicNames(
                Topics.SHARE_EVENTS, Topics.SHARE_PROVISIONING, Topics.SHARE_NOTIFICATIONS, Topics.USER_DIRECTORY)));
    }

    @Test
    void topicNamesCanBeOverriddenOneByOne() {
        runner.withPropertyValues("shareflow.topics.share-events=acme.share.events.v2",
                "shareflow.topics.user-directory=acme.user.directory.v1").run(context ->
                assertThat(context.getBean(TopicNames.class)).isEqualTo(new TopicNames("acme.share.events.v2",
                        Topics.SHARE_PROVISIONING, Topics.SHARE_NOTIFICATIONS, "acme.user.directory.v1")));
    }

    @Test
    void topicsCanBeDeclaredWithTheNamesAsPlaceholders() {
        runner.withPropertyValues("shareflow.topics.share-events=acme.share.events.v2",
                "shareflow.topics.share-provisioning=acme.share.provisioning.v1",
                "shareflow.kafka.topics.produced=${shareflow.topics.share-events}",
                "shareflow.kafka.topics.consumed=${shareflow.topics.share-provisioning}")
                .run(context -> assertThat(declared(context)).containsOnlyKeys("acme.share.events.v2", "acme.share.provisioning.v1.dlt"));
    }

    /** The topics of the {@code shareflowDeclaredTopics} bean by name. */
    private static Map<String, NewTopic> declared(AssertableApplicationContext context) {
        KafkaAdmin.NewTopics bean = context.getBean("shareflowDeclaredTopics", KafkaAdmin.NewTopics.class);
        Collection<NewTopic> topics = ReflectionTestUtils.invokeMethod(bean, "getNewTopics");
        return topics.stream().collect(Collectors.toMap(NewTopic::name, Function.identity()));
    }
}
