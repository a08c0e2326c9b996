package io.meshport.uitest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationConfiguration;
import dev.meshport.launcher.ProductionBundle;
import io.meshport.testing.MeshportTest;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The UI tests see what users of the production jar see: Vaadin in production mode, serving the
 * production bundle that the build put into the classes, with no development tools in the page
 * (docs/decisions/0011). If the tests ever ran on the development bundle again, this fails first.
 */
@MeshportTest
class ProductionModeTest extends BrowserTest {

    @Autowired
    ServletContext servletContext;

    @Test
    void vaadin_runs_in_production_mode() {
        assertThat(ApplicationConfiguration.get(new VaadinServletContext(servletContext))
                        .isProductionMode())
                .as("Vaadin's production mode")
                .isTrue();
    }

    @Test
    void the_browser_is_served_the_production_bundle_without_development_tools() throws IOException {
        openAs("/", "dave");
        assertThat(page).hasTitle("Explore · Meshport");

        @SuppressWarnings("unchecked")
        List<String> scripts = (List<String>) page.evaluate(
                "() => [...document.querySelectorAll('script[type=module][src]')].map(s => s.getAttribute('src'))");
        assertThat(scripts)
                .as("the page's entry script is the production bundle's")
                .containsExactlyElementsOf(productionEntryScripts());
        assertThat(page.locator("vaadin-dev-tools")).hasCount(0);
        assertThat(page.evaluate("() => Boolean(window.Vaadin && window.Vaadin.developmentMode)"))
                .as("window.Vaadin.developmentMode")
                .isEqualTo(false);
        assertThat(page.evaluate("() => customElements.get('vaadin-dev-tools') === undefined"))
                .as("no development tools are defined in the page")
                .isEqualTo(true);
    }

    /** The entry scripts the production build recorded, as index.html references them. */
    private static List<String> productionEntryScripts() throws IOException {
        try (InputStream stats =
                ProductionModeTest.class.getClassLoader().getResourceAsStream(ProductionBundle.STATS)) {
            assertThat(stats).as("the production bundle's stats.json").isNotNull();
            JsonNode entries = JsonMapper.builder().build().readTree(stats).get("entryScripts");
            return entries.valueStream().map(e -> "./" + e.asString()).toList();
        }
    }
}
