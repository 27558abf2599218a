package io.shareflow.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture rules every service checks, the same for all three. A service's {@code ArchitectureTest}
 * is only this template, with its base package:
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = ArchitectureTest.BASE, importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTest {
 *     static final String BASE = "io.shareflow.api";
 *     @ArchTest static final ArchRule domainIsPlainJava = ServiceArchitecture.domainIsPlainJava(BASE);
 *     @ArchTest static final ArchRule sqlOnlyInRepositories = ServiceArchitecture.sqlOnlyInRepositories();
 *     @ArchTest static final ArchRule repositoriesArePlural = ServiceArchitecture.repositoriesArePlural();
 *     @ArchTest static final ArchRule avroOnlyAtTheEdge = ServiceArchitecture.avroOnlyAtTheEdge();
 *     @ArchTest static final ArchRule featuresHaveNoCycles = ServiceArchitecture.featuresHaveNoCycles(BASE);
 * }
 * }</pre>
 * A service may add rules of its own below the template.
 */
public final class ServiceArchitecture {

    /** Where the Avro event classes live. */
    public static final String EVENTS = "io.shareflow.events..";

    private ServiceArchitecture() {
    }

    /**
     * Classes in {@code <base>..model..} use only the JDK, their model and {@code io.shareflow.domain}. A service
     * without {@code model} packages (share-notifier) passes: it has no such classes to check.
     */
    public static ArchRule domainIsPlainJava(String basePackage) {
        return classes().that().resideInAPackage(basePackage + "..model..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", basePackage + "..model..",
                        "io.shareflow.domain..")
                .because("the domain has no Spring, Kafka, Avro or JSON types")
                .allowEmptyShould(true);
    }

    /** JDBC only in {@code @Repository} classes. */
    public static ArchRule sqlOnlyInRepositories() {
        return noClasses().that().areNotAnnotatedWith("org.springframework.stereotype.Repository")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
                .because("SQL lives in Flyway migrations and the repository classes");
    }

    /** Repositories have plural names ({@code Shares}, {@code Users}). */
    public static ArchRule repositoriesArePlural() {
        return classes().that().areAnnotatedWith("org.springframework.stereotype.Repository")
                .should().haveSimpleNameEndingWith("s")
                .because("plural names are for repositories");
    }

    /**
     * Avro event classes only in {@code *Listener}s (a record in, a domain call out) and {@code *Publisher}s
     * (a domain fact in, an Avro event into the outbox).
     */
    public static ArchRule avroOnlyAtTheEdge() {
        return noClasses().that().haveSimpleNameNotEndingWith("Listener")
                .and().haveSimpleNameNotEndingWith("Publisher")
                .should().dependOnClassesThat().resideInAPackage(EVENTS)
                .because("listeners translate Avro into domain calls and publishers domain facts into Avro");
    }

    /** The feature packages {@code <base>.(feature)..} do not depend on each other in cycles. */
    public static ArchRule featuresHaveNoCycles(String basePackage) {
        return slices().matching(basePackage + ".(*)..").should().beFreeOfCycles();
    }
}
