package dev.accounts.acceptance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The rooms of docs/ARCHITECTURE.md, read from the ground up: the contract and the plumbing every layer uses;
 * tokens; accounts and their stores (the domain); the wiring of one execution environment; the Lambda adapter;
 * SnapStart priming; the functions. A room may use the rooms below it, never one above.
 */
class ArchitectureTest {
    private static final String GROUND = "Contract and plumbing";
    private static final String TOKENS = "Tokens";
    private static final String ACCOUNTS = "Accounts and stores";
    private static final String WIRING = "Wiring";
    private static final String ADAPTER = "Lambda adapter";
    private static final String PRIMING = "Priming";
    private static final String FUNCTIONS = "Functions";

    private static final String[] DOMAIN = {"dev.accounts.core.contract..", "dev.accounts.core.json..",
            "dev.accounts.core.config..", "dev.accounts.core.log..", "dev.accounts.core.aws..",
            "dev.accounts.core.token..", "dev.accounts.core.account..", "dev.accounts.core.store..",
            "dev.accounts.core.mail.."};

    /**
     * The service's main code: the core and every function, not the tests. In a reactor build the modules arrive
     * as jars, so jars are read, except shared's test jar.
     */
    static final JavaClasses CODE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.accounts.core", "dev.accounts.functions");

    @Test
    void eachRoomUsesOnlyTheRoomsBelowIt() {
        ArchRule rooms = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer(GROUND).definedBy("dev.accounts.core.contract..", "dev.accounts.core.json..",
                        "dev.accounts.core.config..", "dev.accounts.core.log..", "dev.accounts.core.aws..")
                .layer(TOKENS).definedBy("dev.accounts.core.token..")
                .layer(ACCOUNTS).definedBy("dev.accounts.core.account..", "dev.accounts.core.store..",
                        "dev.accounts.core.mail..")
                .layer(WIRING).definedBy("dev.accounts.core.wiring..")
                .layer(ADAPTER).definedBy("dev.accounts.core.http..")
                .layer(PRIMING).definedBy("dev.accounts.core.priming..")
                .layer(FUNCTIONS).definedBy("dev.accounts.functions..")
                .whereLayer(FUNCTIONS).mayNotBeAccessedByAnyLayer()
                .whereLayer(PRIMING).mayOnlyBeAccessedByLayers(FUNCTIONS)
                .whereLayer(ADAPTER).mayOnlyBeAccessedByLayers(PRIMING, FUNCTIONS)
                .whereLayer(WIRING).mayOnlyBeAccessedByLayers(PRIMING, FUNCTIONS)
                .whereLayer(ACCOUNTS).mayOnlyBeAccessedByLayers(WIRING, PRIMING, FUNCTIONS)
                .whereLayer(TOKENS).mayOnlyBeAccessedByLayers(ACCOUNTS, WIRING, PRIMING, FUNCTIONS);
        rooms.check(CODE);
    }

    @Test
    void theContractStandsOnNothingOfTheService() {
        noClasses().that().resideInAPackage("dev.accounts.core.contract..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.accounts.core.json..",
                        "dev.accounts.core.config..", "dev.accounts.core.log..", "dev.accounts.core.aws..",
                        "dev.accounts.core.token..", "dev.accounts.core.account..", "dev.accounts.core.store..",
                        "dev.accounts.core.mail..", "dev.accounts.core.wiring..", "dev.accounts.core.http..",
                        "dev.accounts.core.priming..")
                .check(CODE);
    }

    @Test
    void theDomainKnowsNothingOfLambdaHttpEventsOrPriming() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("com.amazonaws.services.lambda..",
                        "dev.accounts.core.http..", "dev.accounts.core.priming..", "org.crac..")
                .check(CODE);
    }

    @Test
    void noBusinessClassOrStoreCarriesAPrimingMethod() {
        noMethods().that().areDeclaredInClassesThat().resideInAnyPackage(DOMAIN)
                .should().haveNameStartingWith("prime")
                .because("priming drives the domain from outside (dev.accounts.core.priming, store.dynamo.StoreWarmups)")
                .check(CODE);
    }

    @Test
    void handlersReachTheDomainOnlyThroughTheWiring() {
        // The stores' warm-ups are what a handler's priming declares: the one class of store.dynamo it may name.
        noClasses().that().resideInAPackage("dev.accounts.functions..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("dev.accounts.core.store.dynamo..",
                        "dev.accounts.core.mail..", "dev.accounts.core.aws..", "software.amazon.awssdk..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.simpleName("StoreWarmups"))))
                .check(CODE);
    }
}
