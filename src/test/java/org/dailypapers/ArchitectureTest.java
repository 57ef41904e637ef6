package org.dailypapers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the package map of the README true: dependencies point one way. */
class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.dailypapers");

    @Test
    void web_and_cli_are_leaves() {
        noClasses().that().resideOutsideOfPackages("org.dailypapers.web..", "org.dailypapers.cli..", "org.dailypapers")
                .should().dependOnClassesThat().resideInAnyPackage("org.dailypapers.web..", "org.dailypapers.cli..")
                .check(CLASSES);
    }

    @Test
    void eval_depends_on_search_only() {
        noClasses().that().resideInAPackage("org.dailypapers.eval..")
                .should().dependOnClassesThat().resideInAnyPackage("org.dailypapers.store..", "org.dailypapers.web..",
                        "org.dailypapers.ingest..", "io.javalin..", "org.jdbi..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void only_the_store_and_repositories_touch_jdbi_and_only_web_touches_javalin() {
        // Each capability keeps its SQL in its *Repository class (package-private), as paper/ does, and in its
        // PersonalData, whose erase runs inside the account deletion's transaction (its Handle is the contract).
        noClasses().that().resideOutsideOfPackages("org.dailypapers.store..", "org.dailypapers.paper..", "org.dailypapers.digest..")
                .and().haveSimpleNameNotEndingWith("Repository")
                .and().areNotAssignableTo(org.dailypapers.account.PersonalData.class)
                .should().dependOnClassesThat().resideInAPackage("org.jdbi..")
                .check(CLASSES);
        noClasses().that().resideOutsideOfPackages("org.dailypapers.web..", "org.dailypapers.cli..", "org.dailypapers")
                .should().dependOnClassesThat().resideInAPackage("io.javalin..")
                .check(CLASSES);
    }
}
