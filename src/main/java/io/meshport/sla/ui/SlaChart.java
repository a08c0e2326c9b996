package io.meshport.sla.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import io.meshport.sla.SlaSeries;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** An objective's observations over time, drawn in the browser by Chart.js (see 0009). */
@Tag("meshport-sla-chart")
@NpmPackage(value = "chart.js", version = "4.6.1")
@JsModule("./sla/sla-chart.ts")
class SlaChart extends Component {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** @param summary the text alternative, read instead of the plot */
    SlaChart(SlaSeries series, String summary) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("valueLabel", series.valueLabel());
        payload.put("percent", series.valueLabel().startsWith("%"));
        payload.put("objective", series.objective());
        List<Map<String, Object>> points = series.points().stream()
                .map(point -> Map.<String, Object>of("at", point.at().toEpochMilli(), "value", point.value()))
                .toList();
        payload.put("points", points);
        payload.put("summary", summary);
        getElement().setProperty("series", JSON.writeValueAsString(payload));
        getElement().setAttribute("title", summary);
    }
}
