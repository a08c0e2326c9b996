package io.meshport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.component.Component;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.web.bind.annotation.RestController;

/** The module layout of docs/decisions/0001-modules.md, kept true by the build. */
class ArchitectureTest {

    static final ApplicationModules MODULES = ApplicationModules.of(MeshportApplication.class);
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.meshport");

    @Test
    void features_form_no_cycles_and_use_only_each_others_public_face() {
        MODULES.verify();
    }

    @Test
    void the_catalog_knows_nothing_of_search() {
        noClasses()
                .that()
                .resideInAPackage("io.meshport.catalog..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.meshport.search..", "org.hibernate.search..", "org.apache.lucene..")
                .because("search owns what is indexed and how; it maps catalog's entity itself"
                        + " (docs/decisions/0015-search-module.md)")
                .check(CLASSES);
    }

    @Test
    void views_reach_data_only_through_services() {
        noClasses()
                .that()
                .areAssignableTo(Component.class)
                .should()
                .dependOnClassesThat()
                .areAssignableTo(Repository.class)
                .because("views call services, which own transactions and authorisation")
                .check(CLASSES);
    }

    @Test
    void rest_controllers_reach_data_only_through_services() {
        noClasses()
                .that()
                .areAnnotatedWith(RestController.class)
                .should()
                .dependOnClassesThat()
                .areAssignableTo(Repository.class)
                .because("the API and the UI must go through the same service checks")
                .check(CLASSES);
    }

    @Test
    void nothing_but_the_identity_feature_reads_spring_securitys_context() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.meshport.identity..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.security.core.context.SecurityContextHolder")
                .because("features ask CurrentIdentity who the caller is")
                .check(CLASSES);
    }
}
