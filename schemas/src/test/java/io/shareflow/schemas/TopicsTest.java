package io.shareflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void namesTheTopicsAndTheirDeadLetterTopics() {
        assertThat(Topics.SHARE_EVENTS).isEqualTo("share.events.v1");
        assertThat(Topics.SHARE_PROVISIONING).isEqualTo("share.provisioning.v1");
        assertThat(Topics.SHARE_NOTIFICATIONS).isEqualTo("share.notifications.v1");
        assertThat(Topics.USER_DIRECTORY).isEqualTo("user.directory.v1");
        assertThat(Topics.deadLetter(Topics.SHARE_EVENTS)).isEqualTo("share.events.v1.dlt");
        assertThatThrownBy(() -> Topics.deadLetter(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void typeOfIsTheSimpleRecordName() {
        assertThat(EventTypes.typeOf(EventFixtures.shareRequested())).isEqualTo("ShareRequested");
        assertThat(EventTypes.typeOf(EventFixtures.userActivated())).isEqualTo("UserActivated");
    }
}
