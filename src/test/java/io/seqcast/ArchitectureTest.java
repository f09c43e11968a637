package io.seqcast;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.seqcast");
    private static final ApplicationModules MODULES = ApplicationModules.of(SeqcastApplication.class);
    private static final String DOCS = "target/spring-modulith-docs";

    /** Also the dependencies each module declares in its package-info ({@code allowedDependencies}). */
    @Test
    void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
        MODULES.verify();
    }

    @Test
    void onlyTheEnginesInternalPackageTouchesDjl() {
        noClasses().that().resideOutsideOfPackage("io.seqcast.engine.internal..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.djl..")
                .because("DJL types must not cross the engine's boundary")
                .check(CLASSES);
    }

    /** Writes the module diagrams to target/spring-modulith-docs; the overall one is checked in. */
    @Test
    void theCheckedInModuleDiagramIsTheCurrentOne() throws Exception {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        // Compared regardless of line order: the order of the relations is no part of the diagram, and
        // need not be the same wherever the classes are scanned.
        List<String> generated = Files.readString(Path.of(DOCS, "components.puml")).lines().sorted().toList();
        List<String> checkedIn = Files.readString(Path.of("docs/modules.puml")).lines().sorted().toList();
        assertThat(checkedIn)
                .as("docs/modules.puml differs from the modules' diagram; review the change (diff docs/modules.puml "
                        + DOCS + "/components.puml), then cp " + DOCS + "/components.puml docs/modules.puml")
                .isEqualTo(generated);
    }
}
