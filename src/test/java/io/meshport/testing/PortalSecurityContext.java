package io.meshport.testing;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Points {@link SecurityContextHolder} at the security context strategy of the portal a test runs
 * against, before each test. Vaadin gives every portal a strategy of its own (its thread-local
 * is per instance) and installs it JVM-wide when that portal starts; with two portals in a test
 * JVM (on Lucene and on OpenSearch), or one started and stopped by a test, the JVM-wide one is
 * another portal's, and whom {@link RunAs} signs in would be unknown to the portal's services.
 */
public final class PortalSecurityContext implements TestExecutionListener {

    @Override
    public void beforeTestClass(TestContext testContext) {
        install(testContext);
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        install(testContext);
    }

    private static void install(TestContext testContext) {
        testContext
                .getApplicationContext()
                .getBeanProvider(SecurityContextHolderStrategy.class)
                .ifUnique(SecurityContextHolder::setContextHolderStrategy);
    }
}
