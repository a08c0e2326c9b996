package io.meshport.governance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compliance over time, one line per domain or team and one for the whole mesh, drawn in the
 * browser by Chart.js as the SLA chart is (docs/decisions/0009); a text summary stands for it.
 */
@Tag("meshport-compliance-chart")
@NpmPackage(value = "chart.js", version = "4.6.1")
@JsModule("./governance/compliance-chart.ts")
class ComplianceChart extends Component {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A line of the chart: a share compliant (0..100) per day (epoch millis). */
    record Line(String label, boolean total, List<Point> points) {}

    record Point(long at, double value) {}

    ComplianceChart(List<Line> lines, String summary) {
        setId("compliance-chart");
        getElement().setProperty("series", JSON.writeValueAsString(Map.of("lines", lines, "summary", summary)));
        getElement().setAttribute("title", summary);
    }
}
