package io.meshport.publishing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.catalog.ProductStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The toast after saving says what happened, not what the button was called. */
class SaveMessageTest {

    @Test
    void saving_an_active_product_is_not_called_publishing() {
        assertThat(SaveMessage.of("p", ProductStatus.ACTIVE, ProductStatus.ACTIVE, List.of(), List.of()))
                .isEqualTo("Saved p");
    }

    @Test
    void a_new_product_is_saved_as_a_draft_and_a_draft_becomes_active_by_publishing() {
        assertThat(SaveMessage.of("p", null, ProductStatus.DRAFT, List.of(), List.of("p-v1")))
                .isEqualTo("Saved draft p; contract p-v1 created");
        assertThat(SaveMessage.of("p", ProductStatus.DRAFT, ProductStatus.ACTIVE, List.of(), List.of()))
                .isEqualTo("Published p");
        assertThat(SaveMessage.of("p", ProductStatus.ACTIVE, ProductStatus.DEPRECATED, List.of(), List.of()))
                .isEqualTo("Deprecated p");
    }

    @Test
    void replaced_contracts_are_named() {
        assertThat(SaveMessage.of("p", ProductStatus.ACTIVE, ProductStatus.ACTIVE, List.of("a-v1", "b-v1"), List.of()))
                .isEqualTo("Saved p; contract a-v1 updated; contract b-v1 updated");
    }
}
