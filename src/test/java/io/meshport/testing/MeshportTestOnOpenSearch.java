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
 * The whole portal as {@link MeshportTest} starts it, but with its search on the test OpenSearch
 * node ({@link TestOpenSearch}), on a port and a database of its own ({@link
 * TestInfrastructureOnOpenSearch}). Every "on OpenSearch" test class uses exactly this
 * configuration, so Spring starts this second portal once per test JVM, beside the first.
 *
 * <p>A class annotated so may extend a {@link MeshportTest} class, to run its tests on the
 * cluster: the initializers of the superclass are not inherited, and its {@link LuceneOnly}
 * tests are skipped.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        classes = {MeshportApplication.class, DemoCatalog.class},
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestInfrastructureOnOpenSearch.class, inheritInitializers = false)
@TestExecutionListeners(
        listeners = {AwaitPortalReady.class, PortalSecurityContext.class},
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface MeshportTestOnOpenSearch {}
