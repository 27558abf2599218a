package io.shareflow.bench.e2e;

import java.net.URI;

import javax.sql.DataSource;

import io.shareflow.bench.smtp.NotifierSendRate;
import io.shareflow.bench.smtp.SynchronousShareServer;
import io.shareflow.localstack.LocalStack;

/**
 * The one place the driver calls the SMTP baselines of {@code io.shareflow.bench.smtp}: the synchronous design's
 * server, the notifier's send rate against the raw SMTP loop over the same messages; their answers in this package's
 * terms.
 */
final class Baselines {

    /** The synchronous design's server: its address, and how to stop it. */
    record SynchronousServer(URI uri, AutoCloseable closer) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            closer.close();
        }
    }

    /** Rates in e-mails/s: the notifier's, and the raw jakarta.mail loop's over the same messages. */
    record SendRates(long notifierCount, double notifierPerSecond, long rawCount, double rawPerSecond) {
        double ratio() {
            return notifierPerSecond / rawPerSecond;
        }
    }

    private Baselines() {
    }

    /**
     * Starts the synchronous design: the share's insert ({@code write}) and the invitation's SMTP send inside the
     * request.
     *
     * @param pooled a pool of kept connections ({@code Mode.POOLED}); else a connection per message, as Spring's
     *               {@code JavaMailSender} does ({@code Mode.PER_MESSAGE})
     */
    static SynchronousServer synchronousDesign(DataSource db, ShareWrite write, String smtpHost, int smtpPort,
                                               boolean pooled) {
        SynchronousShareServer server = SynchronousShareServer.start(db, write, smtpHost, smtpPort,
                pooled ? SynchronousShareServer.Mode.POOLED : SynchronousShareServer.Mode.PER_MESSAGE);
        return new SynchronousServer(server.uri(), server);
    }

    /**
     * The notifier's steady send rate against the raw loop's over the same messages: stops the notifier, submits
     * {@code shares} shares (2 e-mails each), starts it again and measures.
     */
    static SendRates notifierSendRate(LocalStack stack, java.util.function.LongConsumer submitShare, int shares) {
        NotifierSendRate.Result result = NotifierSendRate.measure(stack, submitShare, shares);
        return new SendRates(result.notifier().count(), result.notifier().perSecond(), result.raw().count(),
                result.raw().perSecond());
    }
}
