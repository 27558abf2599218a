package io.shareflow.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.stereotype.Repository;

/** The boundaries the code relies on: a framework-free domain, SQL in repositories, Avro at the edge. */
@AnalyzeClasses(packages = "io.shareflow.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = classes().that().resideInAPackage("io.shareflow.api..model..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.shareflow.api..model..")
            .because("the domain has no Spring, Kafka, Avro or JSON types");

    @ArchTest
    static final ArchRule sqlOnlyInRepositories = noClasses()
            .that().areNotAnnotatedWith(Repository.class)
            .should().dependOnClassesThat().resideInAPackage("org.springframework.jdbc..")
            .because("SQL lives in Flyway migrations and the plural repository classes");

    @ArchTest
    static final ArchRule repositoriesArePlural = classes().that().areAnnotatedWith(Repository.class)
            .should().haveSimpleNameEndingWith("s");

    @ArchTest
    static final ArchRule avroOnlyAtTheEdge = noClasses()
            .that().haveSimpleNameNotEndingWith("Listener")
            .and().doNotHaveSimpleName("ShareEvents")
            .should().dependOnClassesThat().resideInAPackage("io.shareflow.events..")
            .because("one mapper turns domain events into Avro; listeners translate Avro into domain calls");

    @ArchTest
    static final ArchRule featuresHaveNoCycles = slices().matching("io.shareflow.api.(*)..").should().beFreeOfCycles();
}
