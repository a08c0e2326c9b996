package io.meshport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.component.Component;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.modulith.core.ApplicationModuleDependencies;
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

    /**
     * What these modules read of the catalog and of lineage goes through their read models
     * (0018), so the module model sees it; while they read the tables in SQL it saw no lineage.
     */
    @Test
    void modules_that_read_catalog_and_lineage_data_depend_on_them_in_the_module_model() {
        for (String reader : List.of("review", "sla", "notification")) {
            ApplicationModuleDependencies dependencies =
                    MODULES.getModuleByName(reader).orElseThrow().getDirectDependencies(MODULES);
            assertThat(dependencies.containsModuleNamed("catalog"))
                    .as(reader + " depends on catalog")
                    .isTrue();
            assertThat(dependencies.containsModuleNamed("lineage"))
                    .as(reader + " depends on lineage")
                    .isTrue();
        }
    }

    /** Approved agreements are consumers in lineage (0025); lineage reads them, never the other way round. */
    @Test
    void lineage_reads_agreements_and_access_knows_nothing_of_lineage() {
        assertThat(MODULES.getModuleByName("lineage")
                        .orElseThrow()
                        .getDirectDependencies(MODULES)
                        .containsModuleNamed("access"))
                .as("lineage depends on access")
                .isTrue();
        noClasses()
                .that()
                .resideInAPackage("io.meshport.access..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.meshport.lineage..")
                .because("lineage depends on access (docs/decisions/0025-agreements-in-lineage.md)")
                .check(CLASSES);
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
    void views_and_controllers_read_other_modules_through_their_services_not_their_read_models() {
        noClasses()
                .that()
                .areAssignableTo(Component.class)
                .or()
                .areAnnotatedWith(RestController.class)
                .should()
                .dependOnClassesThat()
                .haveSimpleNameEndingWith("ReadModel")
                .because("read models ask for no caller; services check who may see what (0018)")
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
