package io.meshport.publishing.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.textfield.TextField;
import io.meshport.catalog.CatalogConflictException;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.catalog.ExportedDocument;
import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The contract form saves losslessly through the catalog service: loaded from the catalog, one
 * description changed, saved, and every other part of the official ODCS full example (servers,
 * quality rules, roles, price, relationships, custom properties, key order) comes back as it was;
 * two owners saving from the same revision, the second is refused.
 */
@MeshportTest
class ContractFormSaveTest {

    static final Path FULL_EXAMPLE = Path.of("src/test/resources/fixtures/odcs/full-example.odcs.yaml");

    @Autowired
    CatalogService catalog;

    /** The official full example under a fresh id, owned by sales; its document as published. */
    static JsonNode publishedFullExample(String id) throws IOException {
        String yaml = Files.readString(FULL_EXAMPLE)
                .replace("id: 53581432-6c55-4ba2-a65f-72344a91553a", "id: " + id)
                .replace("  name: my-team", "  name: sales");
        Api.Response response = Api.as("alice").put("/api/v1/data-contracts/" + id, yaml, "application/yaml");
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return Documents.YAML.readTree(yaml);
    }

    ExportedDocument stored(String id) {
        return RunAs.user("alice", List.of("sales"), () -> catalog.exportContract(id, DocumentFormat.JSON))
                .orElseThrow();
    }

    static ContractFields formOn(ExportedDocument document) {
        ContractFields form = new ContractFields(() -> {});
        form.read((ObjectNode) Documents.JSON.readTree(document.content()));
        return form;
    }

    static TextField descriptionShowing(Component form, String text) {
        return all(form)
                .filter(TextField.class::isInstance)
                .map(TextField.class::cast)
                .filter(field -> "Description".equals(field.getLabel()) && text.equals(field.getValue()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no description field showing '" + text + "'"));
    }

    static Stream<Component> all(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(ContractFormSaveTest::all));
    }

    long save(String user, List<String> teams, String id, ObjectNode document, long revision) {
        return RunAs.user(
                        user,
                        teams,
                        () -> catalog.publishContract(id, document.toString(), DocumentFormat.JSON, null, revision))
                .revision();
    }

    @Test
    void the_official_full_example_keeps_every_other_part_when_one_description_is_changed_and_saved()
            throws IOException {
        String id = "form-full-" + UUID.randomUUID();
        JsonNode original = publishedFullExample(id);
        ExportedDocument before = stored(id);
        ContractFields form = formOn(before);

        descriptionShowing(form, "A description for column rcvr_id.").setValue("The receiver, as the bank knows it.");
        save("alice", List.of("sales"), id, form.write("sales"), before.revision());

        ObjectNode expected = (ObjectNode) original.deepCopy();
        ((ObjectNode) expected.path("schema").get(0).path("properties").get(1))
                .put("description", "The receiver, as the bank knows it.");
        JsonNode after = Documents.JSON.readTree(stored(id).content());
        assertThat(after).isEqualTo(expected);
        // Equal as data, and in the same order: keys as the owners wrote them.
        assertThat(after.toString()).isEqualTo(expected.toString());
        assertThat(stored(id).revision()).isGreaterThan(before.revision());
    }

    @Test
    void a_form_nobody_changed_writes_back_the_document_as_loaded() throws IOException {
        String id = "form-untouched-" + UUID.randomUUID();
        publishedFullExample(id);
        ExportedDocument before = stored(id);

        ObjectNode written = formOn(before).write("sales");

        assertThat(written.toString())
                .isEqualTo(Documents.JSON.readTree(before.content()).toString());
    }

    @Test
    void name_status_and_purpose_are_written_where_the_document_keeps_them_and_nothing_else_moves() throws IOException {
        String id = "form-fields-" + UUID.randomUUID();
        JsonNode original = publishedFullExample(id);
        ContractFields form = formOn(stored(id));

        form.name.setValue("Seller payments");
        form.status.setValue("deprecated");
        form.purpose.setValue("Payments as sellers see them.");
        ObjectNode written = form.write("sales");

        ObjectNode expected = (ObjectNode) original.deepCopy();
        expected.put("status", "deprecated");
        ((ObjectNode) expected.get("description")).put("purpose", "Payments as sellers see them.");
        expected.put("name", "Seller payments");
        assertThat(written.toString()).isEqualTo(expected.toString());
    }

    @Test
    void the_second_owner_saving_from_the_same_revision_is_refused_and_the_first_save_stays() throws IOException {
        String id = "form-stale-" + UUID.randomUUID();
        publishedFullExample(id);
        ExportedDocument opened = stored(id);
        ContractFields alices = formOn(opened);
        ContractFields carols = formOn(opened);

        descriptionShowing(alices, "Country code").setValue("Country code, ISO 3166-1 alpha-2.");
        save("alice", List.of("sales"), id, alices.write("sales"), opened.revision());
        descriptionShowing(carols, "Country code").setValue("Two letters.");

        assertThatThrownBy(() ->
                        save("carol", List.of("finance", "mesh-admins"), id, carols.write("sales"), opened.revision()))
                .isInstanceOf(CatalogConflictException.class)
                .hasMessageContaining("changed by someone else")
                .hasMessageContaining("Reload it");
        assertThat(stored(id).content())
                .contains("Country code, ISO 3166-1 alpha-2.")
                .doesNotContain("Two letters.");
    }
}
