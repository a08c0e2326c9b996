package io.meshport.testing;

import dev.meshport.demo.DemoCatalog;
import io.meshport.MeshportApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The whole portal on its fixed test port, against real PostgreSQL and the real development
 * identity provider, with the demo catalog loaded. Every integration test uses exactly this
 * configuration, so Spring starts the portal once per test JVM; no test starts before the portal
 * reports itself ready (search index rebuilt).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        classes = {MeshportApplication.class, DemoCatalog.class},
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestInfrastructure.class)
@TestExecutionListeners(
        listeners = {AwaitPortalReady.class, PortalSecurityContext.class},
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface MeshportTest {}
