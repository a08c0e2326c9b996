package io.meshport.openlineage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshport.demo.DemoPipelines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The demo pipelines name the demo contracts' datasets exactly as the naming rules derive them. */
class DemoPipelinesNamingTest {

    @Test
    void everyDatasetTheDemoRunsNameIsADemoPortExceptTheErpsRates() throws IOException {
        YAMLMapper yaml = YAMLMapper.builder().build();
        Set<DatasetName> ported = new LinkedHashSet<>();
        for (Resource contract :
                new PathMatchingResourcePatternResolver().getResources("classpath*:demo/contracts/*.odcs.yaml")) {
            ported.addAll(DatasetNaming.ofContract(yaml.readTree(contract.getContentAsString(StandardCharsets.UTF_8))));
        }
        DemoPipelines.Events events = DemoPipelines.events(Instant.parse("2026-12-01T12:00:00Z"));
        List<DatasetName> named = new ArrayList<>();
        for (String event : concat(events.finance(), events.sales())) {
            JsonNode tree = JsonMapper.shared().readTree(event);
            tree.path("inputs")
                    .forEach(d -> named.add(new DatasetName(
                            d.path("namespace").asString(), d.path("name").asString())));
            tree.path("outputs")
                    .forEach(d -> named.add(new DatasetName(
                            d.path("namespace").asString(), d.path("name").asString())));
        }

        assertThat(named.stream().filter(d -> !ported.contains(d)).distinct())
                .containsExactly(new DatasetName("postgres://erp-db.acme.internal:5432", "erp.public.fx_rates"));
        assertThat(ported)
                .contains(
                        new DatasetName("snowflake://acme-prod", "ANALYTICS.SALES.SALES_ORDERS_V2"),
                        new DatasetName("snowflake://acme-prod", "ANALYTICS.FINANCE.REVENUE_DAILY"));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
