package io.meshport.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Paths to the contract pages and back: an id survives being put into a path and read from it. */
class CatalogPathsTest {

    @Test
    void a_contract_id_put_into_a_path_is_read_back_from_it() {
        for (String id : new String[] {"orders-v1", "urn:orders:v1", "契約 1", "a+b", "100%"}) {
            String segment = CatalogPaths.contract(id).substring("contracts/".length());
            assertThat(CatalogPaths.idOf(segment)).as(id).isEqualTo(id);
        }
        assertThat(CatalogPaths.editContract("orders-v1")).isEqualTo("contracts/orders-v1/edit");
    }

    @Test
    void a_segment_that_is_no_valid_encoding_is_taken_as_it_stands() {
        assertThat(CatalogPaths.idOf("50%")).isEqualTo("50%");
        assertThat(CatalogPaths.idOf("%zz")).isEqualTo("%zz");
    }
}
