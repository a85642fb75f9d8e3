package io.backstop.service;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service's rooms, checked on its compiled classes: resources parse and map, application commands own their
 * transactions, the store owns every query, and nothing points back up.
 */
class LayersTest {

    private static JavaClasses service;

    @BeforeAll
    static void importService() {
        service = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.backstop.service");
    }

    @Test
    void theApplicationLayerKnowsNothingOfHttp() {
        noClasses().that().resideInAPackage("..service.app..").should().dependOnClassesThat()
                .resideInAnyPackage("..service.api..", "jakarta.ws.rs..", "org.jboss.resteasy..")
                .check(service);
    }

    @Test
    void resourcesNeitherQueryNorOpenTransactions() {
        noClasses().that().resideInAPackage("..service.api..").should().dependOnClassesThat()
                .resideInAnyPackage("..service.store..", "org.hibernate..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(
                        "io.quarkus.hibernate.reactive.panache.Panache")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(
                        "io.backstop.service.app.CommandTransaction")
                .check(service);
    }

    @Test
    void onlyTheStoreWritesQueries() {
        noClasses().that().resideOutsideOfPackage("..service.store..").should()
                .callMethodWhere(DescribedPredicate.describe("a query written as text", LayersTest::writesAQuery))
                .check(service);
    }

    /** SQL or HQL handed to a session, or a Panache finder given its query string. */
    private static boolean writesAQuery(JavaMethodCall call) {
        String name = call.getTarget().getName();
        if (name.matches("create(Native|Selection|Mutation)?Query")) {
            return true;
        }
        var parameters = call.getTarget().getRawParameterTypes();
        return call.getTarget().getOwner().isAssignableTo(PanacheEntityBase.class)
                && name.matches("find|list|update|delete|count|stream")
                && !parameters.isEmpty() && parameters.get(0).isEquivalentTo(String.class);
    }
}
