package io.meshport.publishing.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What the import dialog takes, and why it refuses the rest. */
class DocumentImportTest {

    @Test
    void a_product_in_yaml_is_a_product() {
        DocumentImport imported = DocumentImport.read("kind: DataProduct\nid: trades\nx-extra: kept\n", null);

        assertThat(imported).isInstanceOf(DocumentImport.Product.class);
        assertThat(imported.id()).isEqualTo("trades");
        assertThat(imported.document().path("x-extra").asString()).isEqualTo("kept");
    }

    @Test
    void a_contract_in_json_is_a_contract_named_after_its_first_object() {
        DocumentImport imported = DocumentImport.read(
                "{\"kind\":\"DataContract\",\"id\":\"c-v1\",\"schema\":[{\"name\":\"orders\"}]}", null);

        assertThat(imported).isInstanceOf(DocumentImport.Contract.class);
        assertThat(((DocumentImport.Contract) imported).firstObjectName()).isEqualTo("orders");
        assertThat(((DocumentImport.Contract) DocumentImport.read("kind: DataContract\nid: c\n", null))
                        .firstObjectName())
                .isEmpty();
    }

    @Test
    void the_form_of_a_product_takes_only_that_products_document() {
        assertThat(DocumentImport.read("kind: DataProduct\nid: trades\n", "trades"))
                .isInstanceOf(DocumentImport.Product.class);
        assertThatThrownBy(() -> DocumentImport.read("kind: DataProduct\nid: orders\n", "trades"))
                .isInstanceOf(DocumentImport.NotImportable.class)
                .hasMessage("This document describes 'orders', not the product being edited.");
        // A contract may be imported into any product's form.
        assertThat(DocumentImport.read("kind: DataContract\nid: c\n", "trades"))
                .isInstanceOf(DocumentImport.Contract.class);
    }

    @Test
    void other_documents_are_refused_with_a_reason() {
        assertThatThrownBy(() -> DocumentImport.read("kind: Pipeline\n", null))
                .hasMessage("kind must be DataProduct (ODPS) or DataContract (ODCS).");
        assertThatThrownBy(() -> DocumentImport.read("- a\n- b\n", null))
                .hasMessage("The document must be a mapping (an object).");
        assertThatThrownBy(() -> DocumentImport.read("{\"kind\": ", null))
                .isInstanceOf(DocumentImport.NotImportable.class)
                .hasMessageStartingWith("Not a readable YAML or JSON document: ");
        assertThatThrownBy(() -> DocumentImport.read("", null)).isInstanceOf(DocumentImport.NotImportable.class);
    }
}
