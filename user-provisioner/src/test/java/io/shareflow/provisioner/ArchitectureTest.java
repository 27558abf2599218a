package io.shareflow.provisioner;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.stereotype.Repository;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.shareflow.provisioner");

    @Test
    void domainModelUsesNoFrameworkKafkaOrAvroTypes() {
        classes().that().resideInAPackage("io.shareflow.provisioner..model..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.shareflow.provisioner..model..", "io.shareflow.domain..")
                .check(CLASSES);
    }

    @Test
    void sqlLivesOnlyInRepositories() {
        noClasses().that().areNotAnnotatedWith(Repository.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
                .check(CLASSES);
    }

    @Test
    void featuresDoNotDependOnEachOtherInCycles() {
        slices().matching("io.shareflow.provisioner.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
