package io.meshport.testing;

import dev.meshport.demo.DemoCatalog;
import io.meshport.MeshportApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole portal on its fixed test port, against real PostgreSQL and the real development
 * identity provider, with the demo catalog loaded. Every integration test uses exactly this
 * configuration, so Spring starts the portal once per test JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        classes = {MeshportApplication.class, DemoCatalog.class},
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestInfrastructure.class)
public @interface MeshportTest {}
