package nl.samenspel.query.facts;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** The fold stays a pure function of the log: no storage, messaging or web framework may creep into it. */
@AnalyzeClasses(packages = "nl.samenspel.query.facts", importOptions = ImportOption.DoNotIncludeTests.class)
class FoldArchitectureTest {

    @ArchTest
    static final ArchRule theFoldDependsOnlyOnTheJdkAndTheEventCatalogue =
            classes().that().resideInAPackage("nl.samenspel.query.facts..")
                     .should().onlyDependOnClassesThat()
                     .resideInAnyPackage("java..", "nl.samenspel.kernel..", "nl.samenspel.query.facts..",
                                         "com.fasterxml.jackson.annotation..");
}
