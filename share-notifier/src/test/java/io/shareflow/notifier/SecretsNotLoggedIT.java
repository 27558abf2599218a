package io.shareflow.notifier;

import static io.shareflow.notifier.SealedEventFixtures.aSealedRegistrationLink;
import static io.shareflow.notifier.SealedEventFixtures.linkOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import io.shareflow.events.RegistrationLinkIssued;
import io.shareflow.events.ShareRequested;
import io.shareflow.testsupport.SecretScanner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * No registration token and no share link token reaches a log line of the notifier, at any level: with the notifier's,
 * spring-kafka's, Spring's mail and transaction loggers and jakarta.mail's (java.util.logging, bridged) at TRACE, a
 * registration e-mail that is greylisted and retried, one that does not open, and a share's invitation leave none of
 * their tokens in the captured lines. The SMTP protocol trace, which would write the e-mails themselves, is silenced
 * ({@code shareflow.logging.silenced-loggers}).
 */
class SecretsNotLoggedIT extends NotifierIntegrationSupport {

    private static final List<String> VERBOSE = List.of("io.shareflow", "org.springframework.kafka",
            "org.springframework.mail", "org.springframework.transaction", "org.springframework.jdbc",
            "org.eclipse.angus.mail", "jakarta.mail");
    private static final String PROTOCOL_TRACE = "org.eclipse.angus.mail.smtp.protocol";

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final List<String> loggers = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Level> levels = new HashMap<>();
    private final Map<java.util.logging.Logger, java.util.logging.Level> julLevels = new HashMap<>();
    private AppenderBase<ILoggingEvent> capture;

    @BeforeEach
    void captureEverything() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(context.getTurboFilterList()).as("the notifier's log masking (shareflow.logging.*)")
                .anyMatch(filter -> filter.getClass().getSimpleName().equals("SecretPathMaskingTurboFilter"));
        capture = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                String thrown = event.getThrowableProxy() == null ? ""
                        : ThrowableProxyUtil.asString(event.getThrowableProxy());
                loggers.add(event.getLoggerName());
                lines.add(event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage() + " "
                        + event.getMDCPropertyMap() + " " + thrown);
            }
        };
        capture.setContext(context);
        capture.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(capture);
        for (String name : VERBOSE) {
            Logger logger = context.getLogger(name);
            levels.put(name, logger.getLevel());
            logger.setLevel(Level.TRACE);
            // jakarta.mail logs through java.util.logging (bridged to SLF4J); the map holds the loggers strongly, as
            // java.util.logging forgets the level of a logger nobody holds.
            java.util.logging.Logger jul = java.util.logging.Logger.getLogger(name);
            julLevels.put(jul, jul.getLevel());
            jul.setLevel(java.util.logging.Level.FINEST);
        }
    }

    @AfterEach
    void restore() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        levels.forEach((name, level) -> context.getLogger(name).setLevel(level));
        julLevels.forEach(java.util.logging.Logger::setLevel);
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(capture);
        capture.stop();
    }

    @Test
    void noTokenInAnyLogLine() {
        RegistrationLinkIssued greylisted = aSealedRegistrationLink("logged-" + UUID.randomUUID() + "@example.com");
        MAIL.rejectRecipients(greylisted.getRecipientEmail()::equals, 451);
        // Sealed for another user than the one it names: it does not open.
        RegistrationLinkIssued original = aSealedRegistrationLink("unopenable-" + UUID.randomUUID() + "@example.com");
        RegistrationLinkIssued unopenable = RegistrationLinkIssued.newBuilder(original).setUserId(UUID.randomUUID())
                .build();
        ShareRequested share = aShareTo("share-logged-" + UUID.randomUUID() + "@example.com");

        publish(greylisted);
        publish(unopenable);
        publish(share);
        eventually().until(() -> attemptsOf(greylisted.getEventId()) >= 2);
        MAIL.acceptAllRecipients();
        eventually().until(() -> "SENT".equals(stateOf(greylisted.getEventId()))
                && "FAILED".equals(stateOf(unopenable.getEventId())) && !sentFor(share.getShareId()).isEmpty());

        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("the registration token", SecretScanner.tokenOf(linkOf(greylisted)));
        secrets.put("the token of the link that did not open", SecretScanner.tokenOf(linkOf(original)));
        secrets.put("the share's token", SecretScanner.tokenOf(SealedEventFixtures.linkOf(share)));
        // Copied under their locks: the consumers and the relay still log while the assertions iterate.
        List<String> captured;
        synchronized (lines) {
            captured = List.copyOf(lines);
        }
        List<String> loggedBy;
        synchronized (loggers) {
            loggedBy = List.copyOf(loggers);
        }
        // The capture would have seen them: the mail and the record lines are there, the protocol trace is not.
        assertThat(loggedBy).anyMatch(name -> name.startsWith("org.eclipse.angus.mail.smtp"));
        assertThat(loggedBy).anyMatch(name -> name.startsWith("org.springframework.kafka"));
        assertThat(loggedBy).noneMatch(name -> name.startsWith(PROTOCOL_TRACE));
        assertThat(captured).anyMatch(line -> line.contains(greylisted.getEventId().toString()));
        SecretScanner scanner = new SecretScanner(secrets);
        for (int i = 0; i < captured.size(); i++) {
            String line = captured.get(i);
            scanner.scan("log line " + i + ": " + (line.length() > 300 ? line.substring(0, 300) + "…" : line), line);
        }
        assertThat(scanner.items()).isGreaterThan(50);
        assertThat(scanner.findings()).as("tokens in %d log lines", captured.size()).isEmpty();
    }
}
