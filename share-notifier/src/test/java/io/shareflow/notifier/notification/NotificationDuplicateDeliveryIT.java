package io.shareflow.notifier.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import javax.sql.DataSource;

import io.shareflow.events.ShareRequested;
import io.shareflow.notifier.NotifierIntegrationSupport;
import io.shareflow.testsupport.DuplicateDelivery;
import io.shareflow.testsupport.EventFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fault drill 7, duplicate delivery: a {@code ShareRequested} handled by two transactions at once (as a rebalance can
 * cause) puts one row in the send log, so one e-mail goes out and one {@code NotificationSent} is reported. The
 * second waits on the first's processed-event mark and skips once the first commits; when the first rolls back, the
 * second takes the request. The real listener bean and, through it, the handler ({@link NotificationRequestHandler}),
 * from two threads ({@link DuplicateDelivery}).
 */
class NotificationDuplicateDeliveryIT extends NotifierIntegrationSupport {

    @Autowired
    ShareEventsListener listener;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactionManager;

    private TransactionTemplate transactions;

    @BeforeEach
    void transactions() {
        transactions = new TransactionTemplate(transactionManager);
    }

    @Test
    void aShareHandledTwiceAtOnceSendsOneEmail() {
        // A version-1 event with its link in plaintext: the listener seals it, as it does for such events.
        ShareRequested share = EventFixtures.shareRequested();

        DuplicateDelivery.race(dataSource,
                hold -> transactions.executeWithoutResult(status -> {
                    listener.shareRequested(share);
                    hold.run();
                }),
                () -> listener.shareRequested(share));

        assertSentOnce(share);
    }

    @Test
    void whenTheFirstDeliveryRollsBackTheSecondTakesTheRequest() {
        ShareRequested share = EventFixtures.shareRequested();

        DuplicateDelivery.race(dataSource,
                hold -> transactions.executeWithoutResult(status -> {
                    listener.shareRequested(share);
                    hold.run();
                    status.setRollbackOnly();
                }),
                () -> listener.shareRequested(share));

        assertSentOnce(share);
    }

    private void assertSentOnce(ShareRequested share) {
        UUID shareId = share.getShareId();
        assertThat(jdbc.sql("select count(*) from notification where share_id = :id").param("id", shareId)
                .query(Long.class).single()).as("rows in the send log").isEqualTo(1);
        eventually().until(() -> "SENT".equals(stateOf(share.getEventId())) && !sentFor(shareId).isEmpty()
                && !mailTo(share.getRecipientEmail()).isEmpty());
        assertThat(mailTo(share.getRecipientEmail())).hasSize(1);
        assertThat(sentFor(shareId)).hasSize(1);
        assertThat(jdbc.sql("select count(*) from processed_event where consumer = 'share-notifier' and event_id = :id")
                .param("id", share.getEventId()).query(Long.class).single()).isEqualTo(1);
    }
}
