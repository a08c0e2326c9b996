package io.meshport.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Which changes of a product its consumers feel, and so must be confirmed first. */
class ContractImpactTest {

    private static final Set<String> OFFERED = Set.of("a-v1", "b-v1");

    private static ContractImpact saving(Set<String> offeredAfter, List<String> replaced) {
        return ContractImpact.of(ProductStatus.ACTIVE, ProductStatus.ACTIVE, OFFERED, offeredAfter, replaced);
    }

    @Test
    void deprecating_or_retiring_touches_everything_downstream() {
        for (ProductStatus after : List.of(ProductStatus.DEPRECATED, ProductStatus.RETIRED)) {
            ContractImpact impact = ContractImpact.of(ProductStatus.ACTIVE, after, OFFERED, OFFERED, List.of());
            assertThat(impact.everything()).isTrue();
            assertThat(impact.isNone()).isFalse();
        }
        ContractImpact retiring =
                ContractImpact.of(ProductStatus.DEPRECATED, ProductStatus.RETIRED, OFFERED, OFFERED, List.of());
        assertThat(retiring.everything()).isTrue();
    }

    @Test
    void saving_a_deprecated_product_again_is_not_deprecating_it() {
        ContractImpact impact =
                ContractImpact.of(ProductStatus.DEPRECATED, ProductStatus.DEPRECATED, OFFERED, OFFERED, List.of());

        assertThat(impact.isNone()).isTrue();
    }

    @Test
    void a_contract_no_longer_offered_touches_its_readers() {
        assertThat(saving(Set.of("a-v1"), List.of()).contracts()).containsExactly("b-v1");
        assertThat(saving(Set.of(), List.of()).contracts()).containsExactlyInAnyOrder("a-v1", "b-v1");
    }

    @Test
    void a_replaced_contract_touches_its_readers_even_when_still_offered() {
        ContractImpact impact = saving(OFFERED, List.of("a-v1"));

        assertThat(impact.everything()).isFalse();
        assertThat(impact.contracts()).containsExactly("a-v1");
    }

    @Test
    void adding_a_port_or_publishing_touches_nobody() {
        assertThat(saving(Set.of("a-v1", "b-v1", "c-v1"), List.of()).isNone()).isTrue();
        assertThat(ContractImpact.of(ProductStatus.DRAFT, ProductStatus.ACTIVE, Set.of(), Set.of("a-v1"), List.of())
                        .isNone())
                .isTrue();
    }

    @Test
    void the_contracts_offered_are_those_the_output_ports_name() {
        var document = JsonMapper.builder().build().readTree("""
                        {"outputPorts":[{"name":"x","contractId":"a-v1"},{"name":"y"},
                                        {"name":"z","contractId":" "},{"name":"w","contractId":"a-v1"}],
                         "inputPorts":[{"contractId":"in-v1"}]}
                        """);

        assertThat(ContractImpact.offeredBy(document)).containsExactly("a-v1");
    }

    @Test
    void the_downstream_report_asks_lineage_only_about_what_is_touched() {
        List<Set<String>> asked = new ArrayList<>();
        DownstreamImpact lineage = (product, contracts) -> {
            asked.add(contracts);
            return new DownstreamImpact.Report(
                    List.of(new DownstreamImpact.Affected("r", "R", "t", ProductStatus.ACTIVE, 1, List.of("p", "r"))),
                    false,
                    "");
        };

        assertThat(ContractImpact.NONE.downstream(lineage, "p").isEmpty()).isTrue();
        assertThat(saving(OFFERED, List.of("a-v1")).downstream(lineage, "p").isEmpty())
                .isFalse();
        assertThat(ContractImpact.of(ProductStatus.ACTIVE, ProductStatus.RETIRED, OFFERED, OFFERED, List.of())
                        .downstream(lineage, "p")
                        .isEmpty())
                .isFalse();
        // Nothing touched asks nothing; "everything" asks with no contract named (all output ports).
        assertThat(asked).containsExactly(Set.of("a-v1"), Set.of());
    }
}
