package io.meshport.publishing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.catalog.ProductStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The form model writes back only what the person changed; the rest of the document stays as loaded. */
class ProductFormTest {

    private static final String LOADED = """
            {"apiVersion":"v1.0.0","kind":"DataProduct","id":"trades","name":"Trades ","status":"active",
             "version":"v1.0.0","domain":"markets","tags":["Finance","eu"],
             "description":{"purpose":"Every trade.\\n","limitations":"None","x-notes":"kept"},
             "team":{"name":"markets-team","members":[{"username":"ann"}]},
             "customProperties":[{"property":"successor","value":"old"},{"property":"tier","value":"gold"}],
             "x-unknown":{"deep":[1,2,3]},
             "outputPorts":[{"name":"trades","version":"1.0.0","contractId":"trades-v1","x-port":true}]}
            """;

    private static ObjectNode loaded() {
        return (ObjectNode) Documents.JSON.readTree(LOADED);
    }

    private static ObjectNode unchangedPorts(ProductForm form, ProductStatus status) {
        ObjectNode original = loaded();
        return form.document(
                status, List.of((ObjectNode) original.path("outputPorts").get(0)), List.of(), List.of());
    }

    @Test
    void a_document_the_form_did_not_change_is_written_back_exactly_as_loaded() {
        ProductForm form = ProductForm.of(loaded(), "trades", List.of("markets-team"));

        assertThat(unchangedPorts(form, ProductStatus.ACTIVE)).isEqualTo(loaded());
    }

    @Test
    void a_team_the_caller_may_not_publish_for_is_not_shown_and_still_kept() {
        ProductForm form = ProductForm.of(loaded(), "trades", List.of("other-team"));

        assertThat(form.getTeam()).isNull();
        assertThat(unchangedPorts(form, ProductStatus.ACTIVE)).isEqualTo(loaded());
    }

    @Test
    void an_edited_field_is_written_and_everything_else_is_kept() {
        ProductForm form = ProductForm.of(loaded(), "trades", List.of("markets-team"));
        form.setName("Equity trades");
        form.setPurpose("");

        ObjectNode written = unchangedPorts(form, ProductStatus.ACTIVE);

        ObjectNode expected = loaded();
        expected.put("name", "Equity trades");
        ((ObjectNode) expected.get("description")).remove("purpose");
        assertThat(written).isEqualTo(expected);
    }

    @Test
    void tags_are_rewritten_only_when_they_changed() {
        ProductForm form = ProductForm.of(loaded(), "trades", List.of("markets-team"));
        assertThat(form.getTags()).containsExactly("Finance", "eu");

        form.setTags(List.of("eu"));
        assertThat(unchangedPorts(form, ProductStatus.ACTIVE).get("tags").toString())
                .isEqualTo("[\"eu\"]");

        form.setTags(List.of());
        assertThat(unchangedPorts(form, ProductStatus.ACTIVE).has("tags")).isFalse();
    }

    @Test
    void the_id_of_an_edited_product_is_the_one_in_the_url() {
        ProductForm form = ProductForm.of(loaded(), "trades-renamed", List.of());

        assertThat(form.getId()).isEqualTo("trades-renamed");
        assertThat(unchangedPorts(form, ProductStatus.ACTIVE).get("id").asString())
                .isEqualTo("trades-renamed");
    }

    @Test
    void a_new_product_gets_what_odps_needs_and_no_empty_keys() {
        ProductForm form = ProductForm.blank();
        form.setName("Stock Trades (EU)");
        form.setId("stock-trades-eu");
        form.setTeam("markets-team");

        ObjectNode written = form.document(ProductStatus.DRAFT, List.of(), List.of(), List.of());

        assertThat(written).isEqualTo(Documents.JSON.readTree("""
                        {"apiVersion":"v1.0.0","kind":"DataProduct","id":"stock-trades-eu",
                         "name":"Stock Trades (EU)","version":"1.0.0","status":"draft",
                         "team":{"name":"markets-team"}}
                        """));
    }

    @Test
    void the_status_written_is_the_one_asked_for_and_an_unknown_one_reads_as_draft() {
        ProductForm form = ProductForm.of(loaded(), "trades", List.of());
        assertThat(form.loadedStatus()).isEqualTo(ProductStatus.ACTIVE);
        assertThat(unchangedPorts(form, ProductStatus.DEPRECATED).get("status").asString())
                .isEqualTo("deprecated");

        ObjectNode odd = loaded().put("status", "sunsetting");
        assertThat(ProductForm.of(odd, "trades", List.of()).loadedStatus()).isEqualTo(ProductStatus.DRAFT);
    }

    @Test
    void deprecating_replaces_the_successor_and_keeps_other_custom_properties() {
        ProductForm form = ProductForm.of(loaded(), "trades", List.of());
        form.deprecate("trades-v2", LocalDate.of(2027, 1, 31));

        ArrayNode properties =
                (ArrayNode) unchangedPorts(form, ProductStatus.DEPRECATED).get("customProperties");

        assertThat(properties.toString())
                .isEqualTo("[{\"property\":\"tier\",\"value\":\"gold\"},"
                        + "{\"property\":\"successor\",\"value\":\"trades-v2\"},"
                        + "{\"property\":\"sunsetDate\",\"value\":\"2027-01-31\"}]");
    }

    @Test
    void the_official_odps_example_survives_the_form_unchanged() throws IOException {
        ObjectNode example;
        try (InputStream in =
                getClass().getResourceAsStream("/standards-examples/odps/simple-data-product.odps.yaml")) {
            example = (ObjectNode) Documents.YAML.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        ProductForm form = ProductForm.of(example.deepCopy(), null, List.of());
        List<ObjectNode> outputs = ports(example, "outputPorts");
        List<ObjectNode> inputs = ports(example, "inputPorts");
        List<ObjectNode> support = ports(example, "support");

        assertThat(form.document(form.loadedStatus(), outputs, inputs, support)).isEqualTo(example);
    }

    @Test
    void a_missing_name_is_the_forms_own_problem() {
        ProductForm form = ProductForm.blank();
        assertThat(form.problems()).extracting(v -> v.pointer()).containsExactly("/name");
        form.setName("Trades");
        assertThat(form.problems()).isEmpty();
    }

    @Test
    void an_id_is_suggested_from_the_name() {
        assertThat(ProductForm.slug("Stock Trades (EU)")).isEqualTo("stock-trades-eu");
        assertThat(ProductForm.slug("  Café Ümlaut ")).isEqualTo("cafe-umlaut");
    }

    private static List<ObjectNode> ports(ObjectNode document, String field) {
        return document.path(field).valueStream().map(ObjectNode.class::cast).toList();
    }
}
