package io.meshport.uitest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The finance pipeline sends a week of observations of Cash Positions; a consumer opens the
 * product's SLA tab and reads each objective's status in words and its chart.
 */
@MeshportTest
class SlaTabTest extends BrowserTest {

    @Test
    void the_sla_tab_shows_the_objectives_their_status_and_a_chart_of_the_observations() {
        String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<String> observations = new ArrayList<>();
        for (int day = 6; day >= 0; day--) {
            observations.add(observation(
                    run + "-load-" + day,
                    "updated",
                    now.minus(Duration.ofDays(day)).minus(Duration.ofHours(2)),
                    ""));
        }
        for (int hour = 7 * 24; hour >= 1; hour--) {
            observations.add(observation(
                    run + "-probe-" + hour,
                    "availability",
                    now.minus(Duration.ofHours(hour)),
                    ", \"succeeded\": true"));
        }
        Api.Response sent = Api.as("finance-ci")
                .post(
                        "/api/v1/data-products/cash-positions/observations",
                        "[" + String.join(",", observations) + "]",
                        "application/json");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);

        openAs("/products/cash-positions", "dave");
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("SLA")).click();
        BrowserSupport.awaitVaadin(page);

        Locator freshness = page.locator(".sla-objective[data-property='latency']");
        assertThat(freshness.locator(".sla-declared")).hasText("freshness ≤ 1 d");
        assertThat(freshness.locator(".sla-status").first()).hasText("✓ Met");
        assertThat(freshness).containsText("last update 2 h ago");
        Locator chart = freshness.locator("meshport-sla-chart");
        assertThat(chart).hasAttribute("data-ready", "true");
        assertThat(chart).hasAttribute("data-point-count", "7");
        // What a person sees: Chart.js plotted the seven loads, on a canvas that is not blank.
        assertThat(chart.evaluate("el => el.chart ? el.chart.data.datasets[0].data.length : 0"))
                .isEqualTo(7);
        assertThat(chart.locator("canvas")).isVisible();
        assertThat(chart.locator("canvas").boundingBox().height).isGreaterThan(100);
        assertThat(BrowserSupport.hasInk(chart.locator("canvas")))
                .as("the chart is drawn")
                .isTrue();
        assertThat(chart.getByRole(AriaRole.IMG))
                .hasAttribute(
                        "aria-label",
                        java.util.regex.Pattern.compile(
                                "^Chart of freshness ≤ 1 d over the last 30 days: 7 points.*status met\\.$"));

        Locator availability = page.locator(".sla-objective[data-property='availability']");
        assertThat(availability).containsText("100.0 % of 168 probes succeeded");
        assertThat(availability.locator("meshport-sla-chart")).hasAttribute("data-ready", "true");

        Locator retention = page.locator(".sla-objective[data-property='retention']");
        assertThat(retention.locator(".sla-status")).hasText("– Not measured");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screenshots/sla-tab.png"))
                .setFullPage(true));
    }

    @Test
    void a_single_observation_is_drawn_with_the_objective_beside_it() {
        openAs("/products/cash-positions?tab=sla", "dave");
        page.waitForFunction("() => customElements.get('meshport-sla-chart') !== undefined");
        // A chart of one load, as the SLA tab shows a product updated once in 30 days.
        Locator chart = page.locator("#single-point-chart");
        page.evaluate("""
                () => {
                  const chart = document.createElement('meshport-sla-chart');
                  chart.id = 'single-point-chart';
                  document.querySelector('vaadin-tabsheet, main, body').append(chart);
                  chart.series = JSON.stringify({valueLabel: 'hours since the previous update', percent: false,
                      objective: 24, points: [{at: Date.now() - 3600000, value: 1.5}], summary: 'one load'});
                }""");
        assertThat(chart).hasAttribute("data-ready", "true");
        @SuppressWarnings("unchecked")
        java.util.Map<String, Number> x = (java.util.Map<String, Number>) chart.evaluate(
                "el => ({min: el.chart.scales.x.min, max: el.chart.scales.x.max, at: Date.now() - 3600000})");
        assertThat(x.get("max").doubleValue() - x.get("min").doubleValue())
                .as("the time axis spans some time")
                .isGreaterThan(3_600_000);
        assertThat(x.get("at").doubleValue())
                .isBetween(x.get("min").doubleValue(), x.get("max").doubleValue());
        // A day's ticks say the hour: not "Dec 1, Dec 1, Dec 2, Dec 2".
        @SuppressWarnings("unchecked")
        java.util.List<String> ticks =
                (java.util.List<String>) chart.evaluate("el => el.chart.scales.x.ticks.map(t => String(t.label))");
        assertThat(ticks).hasSizeGreaterThan(1).doesNotHaveDuplicates();
        // The value axis's title fits the chart's height, not cut off at both ends.
        assertThat((Boolean) chart.evaluate("""
                        el => { const y = el.chart.scales.y, f = y.options.title.font || {}, c = el.chart.ctx;
                                c.save(); c.font = `${f.size || 12}px ${f.family || 'Helvetica, Arial, sans-serif'}`;
                                const wide = c.measureText(y.options.title.text).width; c.restore();
                                return wide <= el.chart.height; }""")).as("the y axis title fits").isTrue();
    }

    private static String observation(String id, String kind, Instant at, String extra) {
        return "{\"id\": \"" + id + "\", \"outputPort\": \"cash_positions\", \"kind\": \"" + kind + "\", \"at\": \""
                + at + "\"" + extra + "}";
    }
}
