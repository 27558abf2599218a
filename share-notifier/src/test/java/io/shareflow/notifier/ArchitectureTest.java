package io.shareflow.notifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.shareflow.testsupport.ServiceArchitecture;

@AnalyzeClasses(packages = ArchitectureTest.BASE, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    static final String BASE = "io.shareflow.notifier";
    @ArchTest static final ArchRule domainIsPlainJava = ServiceArchitecture.domainIsPlainJava(BASE);
    @ArchTest static final ArchRule sqlOnlyInRepositories = ServiceArchitecture.sqlOnlyInRepositories();
    @ArchTest static final ArchRule repositoriesArePlural = ServiceArchitecture.repositoriesArePlural();
    @ArchTest static final ArchRule avroOnlyAtTheEdge = ServiceArchitecture.avroOnlyAtTheEdge();
    @ArchTest static final ArchRule featuresHaveNoCycles = ServiceArchitecture.featuresHaveNoCycles(BASE);

    /** Rendering and sending mail know nothing of Kafka, Avro, the outbox or the send log. */
    @ArchTest static final ArchRule mailIsIndependentOfMessaging = noClasses().that().resideInAPackage("..notifier.mail..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "..notifier.notification..", "org.apache.kafka..", "org.apache.avro..",
                    "io.shareflow.events..", "io.shareflow.outbox..", "org.springframework.kafka..",
                    "org.springframework.jdbc..");

    /** The request and the retry policy are pure logic, unit-tested without Spring. */
    @ArchTest static final ArchRule requestAndRetryPolicyArePlainJava = noClasses()
            .that().haveSimpleName("NotificationRequest").or().haveSimpleName("LinkNotificationRequest")
            .or().haveSimpleName("RetryPolicy")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "org.apache.avro..", "io.shareflow.events..");
}
