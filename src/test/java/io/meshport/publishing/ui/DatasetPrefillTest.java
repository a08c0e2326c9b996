package io.meshport.publishing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Create, opened from a pipeline dataset, suggests a product whose output port maps the dataset. */
class DatasetPrefillTest {

    private static QueryParameters query(String namespace, String name) {
        return new QueryParameters(Map.of("datasetNamespace", List.of(namespace), "datasetName", List.of(name)));
    }

    @Test
    void theDatasetsLastNamePartSuggestsTheIdNameAndPort() {
        ObjectNode document = DatasetPrefill.of(
                        query("postgres://db:5432", "analytics.public.Customer_Orders"), "sales")
                .orElseThrow();

        assertThat(document.path("id").asString()).isEqualTo("customer-orders");
        assertThat(document.path("name").asString()).isEqualTo("Customer orders");
        assertThat(document.path("status").asString()).isEqualTo("draft");
        assertThat(document.path("team").path("name").asString()).isEqualTo("sales");
        ObjectNode port = (ObjectNode) document.path("outputPorts").get(0);
        assertThat(port.path("name").asString()).isEqualTo("customer-orders");
        assertThat(port.path("version").asString()).isEqualTo("1.0.0");
        assertThat(port.path("customProperties").get(0).path("property").asString())
                .isEqualTo("openlineageDatasets");
        assertThat(port.path("customProperties")
                        .get(0)
                        .path("value")
                        .get(0)
                        .path("namespace")
                        .asString())
                .isEqualTo("postgres://db:5432");
        assertThat(port.path("customProperties")
                        .get(0)
                        .path("value")
                        .get(0)
                        .path("name")
                        .asString())
                .isEqualTo("analytics.public.Customer_Orders");
    }

    @Test
    void pathsSuggestTheirLastSegmentWithoutItsExtension() {
        assertThat(DatasetPrefill.slug("exports/daily_orders.csv")).isEqualTo("daily-orders");
        assertThat(DatasetPrefill.slug("/warehouse/orders/")).isEqualTo("orders");
        assertThat(DatasetPrefill.slug("topic:my-project:payments")).isEqualTo("payments");
        assertThat(DatasetPrefill.slug("…")).isEqualTo("dataset");
        assertThat(DatasetPrefill.slug("x".repeat(200))).hasSize(60);
    }

    @Test
    void withoutTeamThereIsNoTeamAndWithoutBothParametersNothingIsFilled() {
        assertThat(DatasetPrefill.of(query("kafka://b:9092", "orders"), null)
                        .orElseThrow()
                        .has("team"))
                .isFalse();
        assertThat(DatasetPrefill.of(new QueryParameters(Map.of("datasetName", List.of("orders"))), null))
                .isEmpty();
        assertThat(DatasetPrefill.of(query("", "orders"), null)).isEmpty();
        assertThat(DatasetPrefill.of(query("file", "a\u0000b"), null)).isEmpty();
        assertThat(DatasetPrefill.of(QueryParameters.empty(), null)).isEmpty();
    }
}
