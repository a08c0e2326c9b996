package io.meshport.publishing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.catalog.ProductDetails;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The output port editor's "Access requests are decided" choice, kept as the port's custom
 * property {@code accessApproval}: written only when changed, and every other custom property kept.
 */
class AccessApprovalTest {

    private static final OutputPortEditor.Contracts NO_CONTRACTS = new OutputPortEditor.Contracts() {
        @Override
        public List<ProductDetails.ContractView> all() {
            return List.of();
        }

        @Override
        public Optional<ObjectNode> editableDocument(String contractId) {
            return Optional.empty();
        }
    };

    private static OutputPortEditor editorOf(String portJson) {
        OutputPortEditor editor = new OutputPortEditor(NO_CONTRACTS, () -> {}, removed -> {});
        editor.read(Documents.JSON.readTree(portJson));
        return editor;
    }

    private static ObjectNode json(String text) {
        return (ObjectNode) Documents.JSON.readTree(text);
    }

    @Test
    void a_port_without_the_property_is_decided_by_its_owners_and_stays_without_it() {
        String port = """
                {"name":"orders","version":"1.0.0","contractId":"orders-v1",
                 "customProperties":[{"property":"tier","value":"gold"}]}""";
        OutputPortEditor editor = editorOf(port);

        assertThat(editor.accessApproval.getValue()).isEqualTo("owners");
        assertThat(editor.write()).isEqualTo(json(port));
    }

    @Test
    void choosing_automatic_adds_the_property_beside_the_others() {
        OutputPortEditor editor = editorOf("""
                {"name":"orders","version":"1.0.0","contractId":"orders-v1",
                 "customProperties":[{"property":"tier","value":"gold","description":"kept"}]}""");

        editor.accessApproval.setValue("automatic");

        assertThat(editor.write().path("customProperties")).isEqualTo(json("""
                {"p":[{"property":"tier","value":"gold","description":"kept"},
                      {"property":"accessApproval","value":"automatic"}]}""").path("p"));
    }

    @Test
    void a_port_with_no_custom_properties_gets_the_list_when_it_approves_automatically() {
        OutputPortEditor editor = editorOf("""
                {"name":"orders","version":"1.0.0","contractId":"orders-v1"}""");

        editor.accessApproval.setValue("automatic");

        assertThat(editor.write().path("customProperties")).isEqualTo(json("""
                {"p":[{"property":"accessApproval","value":"automatic"}]}""").path("p"));
    }

    @Test
    void an_automatic_port_reads_as_automatic_and_switching_back_changes_only_that_value() {
        OutputPortEditor editor = editorOf("""
                {"name":"orders","version":"1.0.0","contractId":"orders-v1",
                 "customProperties":[{"property":"accessApproval","value":"automatic","description":"by ops"},
                                     {"property":"tier","value":"gold"}]}""");
        assertThat(editor.accessApproval.getValue()).isEqualTo("automatic");

        editor.accessApproval.setValue("owners");

        assertThat(editor.write().path("customProperties")).isEqualTo(json("""
                {"p":[{"property":"accessApproval","value":"owners","description":"by ops"},
                      {"property":"tier","value":"gold"}]}""").path("p"));
    }

    @Test
    void a_value_the_editor_does_not_know_is_kept_as_it_was_until_the_person_chooses() {
        String port = """
                {"name":"orders","version":"1.0.0","contractId":"orders-v1",
                 "customProperties":[{"property":"accessApproval","value":"committee"}]}""";
        OutputPortEditor editor = editorOf(port);

        assertThat(editor.accessApproval.getValue()).isEqualTo("owners");
        assertThat(editor.write()).isEqualTo(json(port));
    }
}
