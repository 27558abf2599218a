package io.shareflow.provisioner;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.shareflow.testsupport.ServiceArchitecture;

@AnalyzeClasses(packages = ArchitectureTest.BASE, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    static final String BASE = "io.shareflow.provisioner";
    @ArchTest static final ArchRule domainIsPlainJava = ServiceArchitecture.domainIsPlainJava(BASE);
    @ArchTest static final ArchRule sqlOnlyInRepositories = ServiceArchitecture.sqlOnlyInRepositories();
    @ArchTest static final ArchRule repositoriesArePlural = ServiceArchitecture.repositoriesArePlural();
    @ArchTest static final ArchRule avroOnlyAtTheEdge = ServiceArchitecture.avroOnlyAtTheEdge();
    @ArchTest static final ArchRule featuresHaveNoCycles = ServiceArchitecture.featuresHaveNoCycles(BASE);
}
