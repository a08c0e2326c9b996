package io.meshport.uitest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.meshport.testing.MeshportTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The lineage panel's choices of what to draw (depth, view, which edges to show) sit on one line in
 * a window of 1280 by 800, on the product page's tab and full screen, and the summary with the
 * grouping and the way to the other view on the next; in a narrower window they wrap onto further
 * lines, each control whole and none over another.
 */
@MeshportTest
class LineageControlsLayoutTest extends BrowserTest {

    @Test
    void the_controls_fit_one_line_at_1280_pixels_on_the_tab_and_full_screen() {
        page.setViewportSize(1280, 800);
        openAs("/products/revenue-analytics?tab=lineage", "dave");
        assertThat(page.locator("#lineage-graph[data-ready='true']")).isVisible();
        shot("lineage-controls-tab-1280");
        assertOneLineEach();

        page.navigate(portalUrl() + "/products/revenue-analytics/lineage");
        BrowserSupport.awaitVaadin(page);
        assertThat(page.locator("#lineage-graph[data-ready='true']")).isVisible();
        shot("lineage-controls-full-1280");
        assertOneLineEach();
    }

    @Test
    void in_narrower_windows_the_controls_wrap_without_overlapping() {
        page.setViewportSize(1280, 800);
        openAs("/products/revenue-analytics?tab=lineage", "dave");
        assertThat(page.locator("#lineage-graph[data-ready='true']")).isVisible();
        for (int width : new int[] {1024, 800, 480}) {
            page.setViewportSize(width, 800);
            page.waitForTimeout(300); // the layout follows the window's resize
            shot("lineage-controls-tab-" + width);
            assertWholeAndApart(controls());
            assertWholeAndApart(summaryLine());
        }
        // Still usable after wrapping: the choice of edges is a click away.
        controls()
                .getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Observed only"))
                .check();
        BrowserSupport.awaitVaadin(page);
        assertThat(page.locator("#lineage-show")
                        .getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Observed only")))
                .isChecked();
    }

    /**
     * The choices of what to draw on one line, each label whole; the summary with how to draw it
     * (grouping) and the way to the other view on the next.
     */
    private void assertOneLineEach() {
        Locator controls = controls();
        assertThat(lines(controls)).as("lines of the controls").isEqualTo(1);
        assertWholeAndApart(controls);
        Boolean labelsWhole = (Boolean) controls.evaluate("""
                row => [...row.querySelectorAll('label')].every(l => l.scrollWidth <= l.clientWidth + 1)""");
        assertThat(labelsWhole).as("no label of the controls is cut off").isTrue();
        Locator summaryLine = summaryLine();
        assertThat(summaryLine.getByLabel("Group by domain")).isVisible();
        assertThat(lines(summaryLine))
                .as("lines of the summary and its options")
                .isEqualTo(1);
        assertWholeAndApart(summaryLine);
    }

    /** The row of controls above the graph: the layout that holds the "Show" choice. */
    private Locator controls() {
        Locator row = page.locator("vaadin-horizontal-layout:has(> #lineage-show)");
        assertThat(row).isVisible();
        return row;
    }

    /** The line of the lineage's summary. */
    private Locator summaryLine() {
        Locator row = page.locator("vaadin-horizontal-layout:has(> #lineage-summary)");
        assertThat(row).isVisible();
        return row;
    }

    /** Each visible control's box, in page coordinates. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Number>> boxes(Locator controls) {
        return (List<Map<String, Number>>) controls.evaluate("""
                row => [...row.children]
                    .filter(c => c.offsetParent !== null)
                    .map(c => { const r = c.getBoundingClientRect();
                                return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; })""");
    }

    /** How many lines the controls take: a control that starts below the previous one's middle starts a line. */
    private static int lines(Locator controls) {
        List<Map<String, Number>> boxes = boxes(controls);
        int lines = boxes.isEmpty() ? 0 : 1;
        for (int i = 1; i < boxes.size(); i++) {
            double previousMiddle = (boxes.get(i - 1).get("top").doubleValue()
                            + boxes.get(i - 1).get("bottom").doubleValue())
                    / 2;
            if (boxes.get(i).get("top").doubleValue() > previousMiddle) {
                lines++;
            }
        }
        return lines;
    }

    /** No control sticks out of the row's box nor covers another. */
    private static void assertWholeAndApart(Locator controls) {
        double rowRight = ((Number) controls.evaluate("row => row.getBoundingClientRect().right")).doubleValue();
        double windowRight = ((Number) controls.evaluate("() => document.documentElement.clientWidth")).doubleValue();
        List<Map<String, Number>> boxes = boxes(controls);
        assertThat(boxes).hasSizeGreaterThanOrEqualTo(2);
        for (int i = 0; i < boxes.size(); i++) {
            Map<String, Number> a = boxes.get(i);
            assertThat(a.get("right").doubleValue())
                    .as("control %d ends inside the row and the window", i)
                    .isLessThanOrEqualTo(Math.min(rowRight, windowRight) + 0.5);
            for (int j = i + 1; j < boxes.size(); j++) {
                Map<String, Number> b = boxes.get(j);
                boolean apart = a.get("right").doubleValue() <= b.get("left").doubleValue() + 0.5
                        || b.get("right").doubleValue() <= a.get("left").doubleValue() + 0.5
                        || a.get("bottom").doubleValue() <= b.get("top").doubleValue() + 0.5
                        || b.get("bottom").doubleValue() <= a.get("top").doubleValue() + 0.5;
                assertThat(apart)
                        .as("controls %d and %d do not overlap: %s %s", i, j, a, b)
                        .isTrue();
            }
        }
    }

    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/" + name + ".png")));
    }
}
