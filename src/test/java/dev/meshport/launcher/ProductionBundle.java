package dev.meshport.launcher;

/**
 * The production bundle that Vaadin's {@code build-frontend} leaves in {@code target/classes}
 * (Maven's process-classes phase) and the jar serves as it is. The run command and the tests serve
 * it in production mode (docs/decisions/0011-ui-tests-in-production-mode.md).
 */
public final class ProductionBundle {

    /** What the production build recorded: its entry scripts, the npm packages and frontend files inside. */
    public static final String STATS = "META-INF/VAADIN/config/stats.json";

    private static final String INDEX = "META-INF/VAADIN/webapp/index.html";

    private ProductionBundle() {}

    /** Fails with what to do when the classes hold no production bundle (say, compiled by an IDE alone). */
    public static void require() {
        ClassLoader classes = ProductionBundle.class.getClassLoader();
        if (classes.getResource(STATS) == null || classes.getResource(INDEX) == null) {
            throw new IllegalStateException("Vaadin's production mode needs the production bundle, and the class path"
                    + " holds none: run `./mvnw process-classes` first (Vaadin's build-frontend), or start the"
                    + " portal in development mode (--dev). See docs/decisions/0011-ui-tests-in-production-mode.md.");
        }
    }
}
