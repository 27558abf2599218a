package io.shareflow.notifier;

import static io.shareflow.notifier.SealedEventFixtures.plaintext;
import static io.shareflow.notifier.SealedEventFixtures.sealed;
import static io.shareflow.notifier.SealedLinkIT.keyIdOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.shareflow.embedded.mail.CapturedMessage;
import io.shareflow.embedded.mail.MailCatcher;
import io.shareflow.events.NotificationSent;
import io.shareflow.events.ShareRequested;
import io.shareflow.schemas.SealedFields;
import io.shareflow.testsupport.EventFixtures;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Key rotation as the runbook does it: the notifier runs with key {@code old}, then is restarted with
 * {@code new:…,old:…} (a new current key, the old one kept for opening). Everything sealed under the old key — links
 * waiting in the send log, events still on the topic from a producer not yet rotated — is still e-mailed with the
 * right link, and from then on the notifier seals a version-1 event's link under the new key.
 */
class SealKeyRotationIT {

    private static final String OLD = SealedFields.generateKeyList("old");
    private static final String NEW = SealedFields.generateKeyList("new");
    private static final MailCatcher MAIL = TestInfrastructure.mail();

    private final SeparateNotifier notifier = new SeparateNotifier("rotation").withTopics();
    /** Recipients the SMTP server answers 451 for the moment, so their notifications wait in the send log. */
    private final Set<String> greylisted = ConcurrentHashMap.newKeySet();

    @AfterEach
    void acceptEveryone() {
        MAIL.acceptAllRecipients();
    }

    @Test
    void whatWasSealedUnderTheOldKeyIsStillMailedAfterANewKeyBecomesCurrent() {
        SealedFields oldKeys = SealedFields.fromKeyList(OLD);
        SealedFields rotatedKeys = SealedFields.fromKeyList(NEW + "," + OLD);
        MAIL.startSmtp();
        MAIL.rejectRecipients(greylisted::contains, 451);
        ShareRequested waitingV2 = greylist(sealed(plaintext(EventFixtures.shareRequested()), oldKeys));
        ShareRequested waitingV1 = greylist(plaintext(EventFixtures.shareRequested()));

        try (ConfigurableApplicationContext before = notifier.start(OLD)) {
            JdbcClient jdbc = before.getBean(JdbcClient.class);
            publish(waitingV2);
            publish(waitingV1);
            eventually().until(() -> attemptsOf(jdbc, waitingV2) >= 1 && attemptsOf(jdbc, waitingV1) >= 1);
            assertThat(keyIdOf(linkSealedOf(jdbc, waitingV1))).isEqualTo("old");
            assertThat(rowsSealedUnder(jdbc, "old")).as("the README's query").isEqualTo(2);
        }

        ShareRequested inFlight = sealed(plaintext(EventFixtures.shareRequested()), oldKeys);
        ShareRequested sealedUnderNew = sealed(plaintext(EventFixtures.shareRequested()), rotatedKeys);
        ShareRequested v1AfterRotation = greylist(plaintext(EventFixtures.shareRequested()));
        try (ConfigurableApplicationContext after = notifier.start(NEW + "," + OLD)) {
            JdbcClient jdbc = after.getBean(JdbcClient.class);
            publish(inFlight);
            publish(sealedUnderNew);
            publish(v1AfterRotation);
            eventually().until(() -> attemptsOf(jdbc, v1AfterRotation) >= 1);
            assertThat(keyIdOf(linkSealedOf(jdbc, v1AfterRotation))).as("the new key seals").isEqualTo("new");
            greylisted.clear();

            for (var share : List.of(waitingV2, waitingV1, inFlight, sealedUnderNew, v1AfterRotation)) {
                String link = share.getSealedLink() == null ? share.getLinkUrl()
                        : rotatedKeys.open(SealedEventFixtures.bytes(share.getSealedLink()), share.getShareId().toString());
                eventually().until(() -> !mailTo(share).isEmpty());
                assertThat(mailTo(share)).hasSize(1);
                assertThat(mailTo(share).get(0).text()).contains(link);
                List<?> results = TestInfrastructure.kafka().eventsUntil(notifier.shareNotifications(),
                        share.getShareId().toString(), events -> !events.isEmpty());
                assertThat(results).singleElement().isInstanceOf(NotificationSent.class);
            }
            eventually().until(() -> rowsSealedUnder(jdbc, "old") == 0 && rowsSealedUnder(jdbc, "new") == 0);
        }
    }

    private ShareRequested greylist(ShareRequested share) {
        ShareRequested to = ShareRequested.newBuilder(share)
                .setRecipientEmail("rotation-" + UUID.randomUUID() + "@example.com").build();
        greylisted.add(to.getRecipientEmail());
        return to;
    }

    private void publish(ShareRequested share) {
        TestInfrastructure.kafka().send(notifier.shareEvents(), share.getShareId().toString(), share);
    }

    private static List<CapturedMessage> mailTo(ShareRequested share) {
        return MAIL.messages().stream().filter(m -> m.to().contains(share.getRecipientEmail())).toList();
    }

    private static int attemptsOf(JdbcClient jdbc, ShareRequested share) {
        return jdbc.sql("select attempts from notification where event_id = :id").param("id", share.getEventId())
                .query(Integer.class).optional().orElse(0);
    }

    private static byte[] linkSealedOf(JdbcClient jdbc, ShareRequested share) {
        return jdbc.sql("select link_sealed from notification where event_id = :id").param("id", share.getEventId())
                .query((rs, n) -> rs.getBytes(1)).list().get(0);
    }

    /** The README's check before a key is dropped: pending rows whose link is sealed under {@code keyId}. */
    private static int rowsSealedUnder(JdbcClient jdbc, String keyId) {
        return jdbc.sql("""
                        select count(*) from notification where link_sealed is not null
                          and convert_from(substring(link_sealed from 3 for get_byte(link_sealed, 1)), 'UTF8') = :keyId
                        """)
                .param("keyId", keyId).query(Integer.class).single();
    }

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));
    }
}
