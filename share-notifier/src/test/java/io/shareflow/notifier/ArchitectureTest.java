package io.shareflow.notifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Module boundaries: rendering and sending mail know nothing of Kafka, Avro, the outbox or the send log. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.shareflow.notifier");

    @Test
    void mailIsIndependentOfMessaging() {
        noClasses().that().resideInAPackage("..notifier.mail..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "..notifier.notification..", "org.apache.kafka..", "org.apache.avro..",
                        "io.shareflow.events..", "io.shareflow.outbox..", "org.springframework.kafka..",
                        "org.springframework.jdbc..")
                .check(CLASSES);
    }

    @Test
    void notificationRequestsAndRetryPolicyArePlainJava() {
        noClasses().that().haveSimpleName("NotificationRequest").or().haveSimpleName("RetryPolicy")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.apache.kafka..", "org.apache.avro..", "io.shareflow.events..")
                .check(CLASSES);
    }
}
