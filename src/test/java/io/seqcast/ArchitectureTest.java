package io.seqcast;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.seqcast");

    @Test
    void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
        ApplicationModules.of(SeqcastApplication.class).verify();
    }

    @Test
    void onlyTheEnginesInternalPackageTouchesDjl() {
        noClasses().that().resideOutsideOfPackage("io.seqcast.engine.internal..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.djl..")
                .because("DJL types must not cross the engine's boundary")
                .check(CLASSES);
    }
}
