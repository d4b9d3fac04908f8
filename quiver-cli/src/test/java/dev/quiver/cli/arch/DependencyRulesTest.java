package dev.quiver.cli.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The direction of dependencies, as docs/ARCHITECTURE.md draws it, checked on the compiled
 * classes of every module (the CLI's test class path holds them all): the core never sees a
 * front end or an input reader, the search engine stands alone, only the store and the query
 * layer speak SQL, and no two packages depend on each other in a cycle.
 */
class DependencyRulesTest {
    static JavaClasses quiver;

    @BeforeAll
    static void load() {
        // Main code only: neither test-classes directories nor the test-jars other modules publish.
        ImportOption mainOnly = location -> !location.contains("-tests.jar") && !location.contains("/test-classes/");
        quiver = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(mainOnly).importPackages("dev.quiver");
    }

    @Test
    void coreSeesNoFrontEndNoInputReaderAndNoSearchEngine() {
        noClasses().that().resideInAPackage("dev.quiver.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.quiver.cli..", "dev.quiver.web..",
                        "dev.quiver.dex..", "dev.quiver.search..", "picocli..", "org.jline..", "org.jf..",
                        "io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..", "com.sun.net.httpserver..")
                .check(quiver);
    }

    @Test
    void onlyTheDexModuleReadsDex() {
        noClasses().that().resideOutsideOfPackage("dev.quiver.dex..")
                .should().dependOnClassesThat().resideInAPackage("org.jf..")
                .check(quiver);
    }

    @Test
    void theSearchEngineStandsAlone() {
        noClasses().that().resideInAPackage("dev.quiver.search..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.quiver.core..", "dev.quiver.dex..",
                        "dev.quiver.cli..", "dev.quiver.web..", "picocli..", "java.sql..")
                .check(quiver);
    }

    @Test
    void frontEndsNeverCallAnInputReaderDirectly() {
        noClasses().that().resideInAnyPackage("dev.quiver.cli..", "dev.quiver.web..")
                .should().dependOnClassesThat().resideInAPackage("dev.quiver.dex..")
                .check(quiver);
    }

    @Test
    void onlyTheStoreAndTheQueryLayerSpeakSql() {
        noClasses().that().resideOutsideOfPackages("dev.quiver.core.store..", "dev.quiver.core.query..")
                .and().resideInAPackage("dev.quiver..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
                .check(quiver);
    }

    @Test
    void theModelDependsOnNothingElseOfQuiver() {
        classes().that().resideInAPackage("dev.quiver.core.model..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.quiver.core.model..", "java..")
                .check(quiver);
    }

    @Test
    void theQueryLayerDoesNotDependOnWhatIsBuiltOnIt() {
        noClasses().that().resideInAPackage("dev.quiver.core.query..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.quiver.core.xref..", "dev.quiver.core.graph..")
                .check(quiver);
        noClasses().that().resideInAPackage("dev.quiver.core.xref..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.quiver.core.graph..")
                .check(quiver);
    }

    @Test
    void coreAndDexPackagesHaveNoCycles() {
        slices().matching("dev.quiver.(core|dex).(*)..").should().beFreeOfCycles().check(quiver);
    }
}
