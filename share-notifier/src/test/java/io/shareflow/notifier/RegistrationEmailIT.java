package io.shareflow.notifier;

import static io.shareflow.notifier.SealedEventFixtures.aSealedRegistrationLink;
import static io.shareflow.notifier.SealedEventFixtures.bytes;
import static io.shareflow.notifier.SealedEventFixtures.linkOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.shareflow.embedded.mail.CapturedMessage;
import io.shareflow.events.RecipientProvisioned;
import io.shareflow.events.RegistrationLinkIssued;
import io.shareflow.schemas.SealContexts;
import io.shareflow.schemas.SealedFields;
import io.shareflow.testsupport.DatabaseDump;
import io.shareflow.testsupport.SecretScanner;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * The registration e-mail of a new user ("finish creating your account") from user-provisioner's
 * {@code RegistrationLinkIssued}: the invitation's guarantees — a send-log row, retries, a failure on record, never
 * twice for one event — with the link sealed at rest and rendered at send time, and nothing reported on the
 * notifications topic (it is not a share's).
 */
class RegistrationEmailIT extends NotifierIntegrationSupport {

    private static final SealedFields STRANGER = SealedFields.fromKeyList(SealedFields.generateKeyList("stranger"));

    @Autowired
    private DataSource dataSource;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureTheNotifiersLog() {
        logged.start();
        ((Logger) LoggerFactory.getLogger("io.shareflow.notifier")).addAppender(logged);
    }

    @AfterEach
    void stopCapturing() {
        ((Logger) LoggerFactory.getLogger("io.shareflow.notifier")).detachAppender(logged);
    }

    @Test
    void aNewUserIsMailedItsLinkOnceWithWhoInvitedItToWhichOrganisationAndTheExpiry() {
        RegistrationLinkIssued issued = aSealedRegistrationLink("new.user-" + UUID.randomUUID() + "@example.com");
        String link = linkOf(issued);

        publish(issued);

        eventually().until(() -> mailTo(issued.getRecipientEmail()).size() == 1);
        CapturedMessage mail = mailTo(issued.getRecipientEmail()).get(0);
        assertThat(mail.messageId()).isEqualTo("<registration-" + issued.getEventId() + "@shareflow>");
        assertThat(mail.to()).containsExactly(issued.getRecipientEmail());
        assertThat(mail.subject()).isEqualTo("Finish creating your shareflow account for Acme <Aviation> & Sons");
        assertThat(mail.text())
                .contains("Ada \"Sharer\" (ada@example.com) has invited you to Acme <Aviation> & Sons on shareflow")
                .contains("Finish creating your account - choose your name and a password: " + link)
                .contains("expires on 31 January 2027 at 00:00 UTC")
                .doesNotContain("no longer work");
        assertThat(mail.html())
                .contains("<strong>Ada &quot;Sharer&quot; (ada@example.com)</strong>")
                .contains("<strong>Acme &lt;Aviation&gt; &amp; Sons</strong>")
                .contains("href=\"" + link + "\"")
                .doesNotContain("<Aviation>");
        eventually().until(() -> "SENT".equals(stateOf(issued.getEventId())));
        SealedLinkIT.assertHoldsNoPlaintext(rowOf(issued.getEventId()), link);
        assertThat(rowOf(issued.getEventId())).contains("\"share_type\":\"registration\"")
                .contains(issued.getUserId().toString()).contains("\"link_sealed\":null");
        assertThat(resultsFor(issued.getUserId())).as("no report keyed by the user").isEmpty();
        assertThat(resultsFor(issued.getShareId())).as("no report for the share that led to it").isEmpty();

        publishToProvisioningInOrder(issued, issued.getUserId());
        RegistrationLinkIssued next = aSealedRegistrationLink("next-" + UUID.randomUUID() + "@example.com");
        publishToProvisioningInOrder(next, next.getUserId());
        eventually().until(() -> mailTo(next.getRecipientEmail()).size() == 1);
        assertThat(mailTo(issued.getRecipientEmail())).as("the same event again sends nothing").hasSize(1);
    }

    @Test
    void aReplayedEventSendsNothingTwice() {
        RegistrationLinkIssued issued = aSealedRegistrationLink("replayed-" + UUID.randomUUID() + "@example.com");
        RegistrationLinkIssued marker = aSealedRegistrationLink("marker-" + UUID.randomUUID() + "@example.com");

        publishToProvisioningInOrder(issued, issued.getUserId());
        publishToProvisioningInOrder(issued, issued.getUserId());
        publishToProvisioningInOrder(marker, marker.getUserId());

        eventually().until(() -> mailTo(marker.getRecipientEmail()).size() == 1);
        assertThat(mailTo(issued.getRecipientEmail())).hasSize(1);
    }

    @Test
    void aReinviteIsAnotherEMailWithItsOwnMessageIdSayingEarlierLinksNoLongerWork() {
        RegistrationLinkIssued first = aSealedRegistrationLink("reinvited-" + UUID.randomUUID() + "@example.com");
        RegistrationLinkIssued again = RegistrationLinkIssued.newBuilder(aSealedRegistrationLink(first.getRecipientEmail()))
                .setUserId(first.getUserId()).setReason("REINVITE").setShareId(null).setCausationEventId(null)
                .setInviterName("Olga Operator").setInviterEmail(null).build();
        String againLink = "http://localhost:8081/register/" + UUID.randomUUID().toString().replace("-", "");
        again.setSealedRegistrationLink(ByteBuffer.wrap(TestInfrastructure.SEAL_KEYS.seal(againLink,
                SealContexts.registrationLink(first.getUserId()))));

        publishToProvisioningInOrder(first, first.getUserId());
        publishToProvisioningInOrder(again, first.getUserId());

        eventually().until(() -> mailTo(first.getRecipientEmail()).size() == 2);
        List<CapturedMessage> mails = mailTo(first.getRecipientEmail());
        assertThat(mails).extracting(CapturedMessage::messageId).containsExactlyInAnyOrder(
                "<registration-" + first.getEventId() + "@shareflow>", "<registration-" + again.getEventId() + "@shareflow>");
        CapturedMessage reinvite = mails.stream().filter(m -> m.text().contains(againLink)).findFirst().orElseThrow();
        assertThat(reinvite.text()).contains("Olga Operator has invited you")
                .contains("This is a new link: the ones sent to you before no longer work.")
                .doesNotContain(linkOf(first));
    }

    @Test
    void aGreylistedEMailIsRetriedWithItsLinkSealedAtRestAndNoDumpHoldsTheToken() {
        RegistrationLinkIssued issued = aSealedRegistrationLink("greylisted-" + UUID.randomUUID() + "@example.com");
        String token = SecretScanner.tokenOf(linkOf(issued));
        MAIL.rejectRecipients(issued.getRecipientEmail()::equals, 451);

        publish(issued);

        eventually().until(() -> attemptsOf(issued.getEventId()) >= 2 && "PENDING".equals(stateOf(issued.getEventId())));
        assertThat(linkSealedOf(issued.getEventId())).as("the event's sealed bytes, unopened")
                .isEqualTo(bytes(issued.getSealedRegistrationLink()));
        assertNoTokenInTheDatabase(token, issued.getUserId());

        MAIL.acceptAllRecipients();

        eventually().until(() -> "SENT".equals(stateOf(issued.getEventId())));
        assertThat(mailTo(issued.getRecipientEmail())).hasSize(1);
        assertThat(mailTo(issued.getRecipientEmail()).get(0).text()).contains(token);
        assertThat(linkSealedOf(issued.getEventId())).as("erased once sent").isNull();
        assertNoTokenInTheDatabase(token, issued.getUserId());
        assertThat(resultsFor(issued.getUserId())).isEmpty();
    }

    @Test
    void aRefusedAddressFailsTheEMailPermanentlyOnRecordAndAtErrorWithoutAReport() {
        RegistrationLinkIssued issued = aSealedRegistrationLink("refused-" + UUID.randomUUID() + "@example.com");
        MAIL.rejectRecipients(issued.getRecipientEmail()::equals, 550);

        publish(issued);

        eventually().until(() -> "FAILED".equals(stateOf(issued.getEventId())));
        assertThat(rowOf(issued.getEventId())).contains("550").contains("\"link_sealed\":null");
        assertThat(mailTo(issued.getRecipientEmail())).isEmpty();
        assertThat(resultsFor(issued.getUserId())).isEmpty();
        assertThat(resultsFor(issued.getShareId())).isEmpty();
        eventually().until(() -> errorsAbout(issued.getUserId()).size() == 1);
        assertThat(errorsAbout(issued.getUserId()).get(0)).contains("Registration e-mail").contains("re-invited");
    }

    @Test
    void aLinkThatDoesNotOpenIsAFailedRowAtOnceLoggedAtErrorNeverADeadLetter() {
        RegistrationLinkIssued underAnotherKey = withLink(aSealedRegistrationLink(address("stranger")),
                (event) -> STRANGER.seal(linkOf(event), SealContexts.registrationLink(event.getUserId())));
        RegistrationLinkIssued asAShareLink = withLink(aSealedRegistrationLink(address("share-context")),
                (event) -> TestInfrastructure.SEAL_KEYS.seal(linkOf(event), SealContexts.shareLink(event.getUserId())));
        RegistrationLinkIssued anotherUsers = withLink(aSealedRegistrationLink(address("other-user")),
                (event) -> bytes(aSealedRegistrationLink("x@example.com").getSealedRegistrationLink()));
        RegistrationLinkIssued truncated = withLink(aSealedRegistrationLink(address("truncated")),
                (event) -> Arrays.copyOf(bytes(event.getSealedRegistrationLink()), 12));
        List<RegistrationLinkIssued> bad = List.of(underAnotherKey, asAShareLink, anotherUsers, truncated);
        RegistrationLinkIssued good = aSealedRegistrationLink(address("good"));

        bad.forEach(event -> publishToProvisioningInOrder(event, event.getUserId()));
        publishToProvisioningInOrder(good, good.getUserId());

        eventually().until(() -> mailTo(good.getRecipientEmail()).size() == 1);
        eventually().until(() -> bad.stream().allMatch(event -> "FAILED".equals(stateOf(event.getEventId()))));
        assertThat(rowOf(underAnotherKey.getEventId())).contains("The registration link does not open (UNKNOWN_KEY)")
                .contains("stranger");
        assertThat(rowOf(asAShareLink.getEventId())).contains("The registration link does not open (TAMPERED)");
        assertThat(rowOf(anotherUsers.getEventId())).contains("The registration link does not open (TAMPERED)");
        assertThat(rowOf(truncated.getEventId())).contains("The registration link does not open (TRUNCATED)");
        Set<String> deadLetterKeys = Set.copyOf(TestInfrastructure.received(TestInfrastructure.PROVISIONING_DEAD_LETTERS)
                .stream().map(ConsumerRecord::key).toList());
        for (RegistrationLinkIssued event : bad) {
            assertThat(attemptsOf(event.getEventId())).isZero();
            assertThat(mailTo(event.getRecipientEmail())).isEmpty();
            assertThat(deadLetterKeys).doesNotContain(event.getUserId().toString());
            assertThat(resultsFor(event.getUserId())).isEmpty();
            assertThat(errorsAbout(event.getUserId())).hasSize(1);
        }
    }

    @Test
    void theSharesAnswersOnTheTopicAreNotTheNotifiersBusiness() {
        RecipientProvisioned answer = RecipientProvisioned.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(java.time.Instant.now())
                .setShareId(UUID.randomUUID()).setCausationEventId(UUID.randomUUID()).setUserId(UUID.randomUUID())
                .setOrganizationId(UUID.randomUUID()).setRecipientEmail(address("answered")).setOutcome("USER_CREATED")
                .build();
        RegistrationLinkIssued marker = aSealedRegistrationLink(address("after-answer"));

        publishToProvisioningInOrder(answer, answer.getShareId());
        publishToProvisioningInOrder(marker, marker.getUserId());

        eventually().until(() -> mailTo(marker.getRecipientEmail()).size() == 1);
        assertThat(mailTo(answer.getRecipientEmail())).isEmpty();
        assertThat(stateOf(answer.getEventId())).isNull();
        assertThat(TestInfrastructure.received(TestInfrastructure.PROVISIONING_DEAD_LETTERS))
                .noneMatch(r -> answer.getShareId().toString().equals(r.key()));
    }

    private void assertNoTokenInTheDatabase(String token, UUID userId) {
        DatabaseDump dump = DatabaseDump.of(dataSource);
        assertThat(dump.of("notification")).as("the dump sees the row").anyMatch(c -> c.text().equals(userId.toString()));
        List<String> found = new ArrayList<>();
        dump.scanWith(SecretScanner.of(token)).findings().forEach(f -> found.add(f.toString()));
        assertThat(found).as("the registration token in the dump").isEmpty();
    }

    private List<String> errorsAbout(UUID userId) {
        synchronized (logged) {
            return logged.list.stream().filter(e -> e.getLevel() == Level.ERROR)
                    .map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains(userId.toString())).toList();
        }
    }

    private byte[] linkSealedOf(UUID eventId) {
        return jdbc.sql("select link_sealed from notification where event_id = :id").param("id", eventId)
                .query((rs, n) -> rs.getBytes(1)).list().get(0);
    }

    private static RegistrationLinkIssued withLink(RegistrationLinkIssued event,
                                                   java.util.function.Function<RegistrationLinkIssued, byte[]> link) {
        return RegistrationLinkIssued.newBuilder(event).setSealedRegistrationLink(ByteBuffer.wrap(link.apply(event)))
                .build();
    }

    private static String address(String name) {
        return name + "-" + UUID.randomUUID() + "@example.com";
    }
}
