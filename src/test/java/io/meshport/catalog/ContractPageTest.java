package io.meshport.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.access.AccessRequest;
import io.meshport.access.AccessService;
import io.meshport.access.Agreement;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import io.meshport.testing.TestContracts;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a contract's page and the list of contracts read through {@link ContractCatalog}: every
 * part of the document, who provides and who declares to read the contract, whether the caller
 * may edit it; odd ids are no contract, never an error.
 */
@MeshportTest
class ContractPageTest {

    @Autowired
    ContractCatalog contracts;

    @Autowired
    AccessService access;

    static <T> T asDave(Supplier<T> work) {
        return RunAs.user("dave", List.of(), work);
    }

    @Test
    void a_visitor_reads_every_part_of_the_contract() {
        String id = TestContracts.withProviderAndReader();

        ContractDetails page = asDave(() -> contracts.details(id)).orElseThrow();

        assertThat(page.name()).isEqualTo("Page Orders " + id);
        assertThat(page.ownerTeam()).isEqualTo("sales");
        assertThat(page.purpose()).isEqualTo("Every order, *once*.");
        assertThat(page.usage()).isEqualTo("Join on order_id.");
        assertThat(page.tags()).containsExactly("orders", "daily");
        assertThat(page.schema()).extracting(ContractDetails.SchemaObject::name).containsExactly("orders", "refunds");
        assertThat(page.schema().getFirst().properties())
                .containsExactly(
                        new ContractDetails.SchemaProperty(
                                "order_id", "string", "varchar(32)", true, true, null, "Identifier."),
                        new ContractDetails.SchemaProperty(
                                "customer_email", "string", null, false, false, "restricted", null),
                        new ContractDetails.SchemaProperty("address", "object", null, false, false, null, null),
                        new ContractDetails.SchemaProperty(
                                "address.city", "string", null, false, false, "internal", null));
        assertThat(page.quality())
                .extracting(ContractDetails.QualityRule::on, ContractDetails.QualityRule::rule)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("orders", "rowCount mustBeGreaterThan 10"),
                        org.assertj.core.groups.Tuple.tuple("orders.customer_email", "nullValues mustBe 0"));
        assertThat(page.servers())
                .containsExactly(new ContractDetails.Server(
                        "warehouse", "postgres", null, "host=db.example, port=5432, database=sales, schema=public"));
        assertThat(page.sla()).extracting(SlaProperty::property).containsExactly("availability");
        assertThat(page.team()).containsExactly(new ContractDetails.Member("alice", "Alice", "owner"));
        assertThat(page.support())
                .extracting(ProductDetails.SupportChannel::channel)
                .containsExactly("#orders");
        assertThat(page.customProperties())
                .containsExactly(
                        new ContractDetails.Property("costCenter", "CC-7"),
                        new ContractDetails.Property("owners", "[\"a\",\"b\"]"));
        assertThat(page.yaml()).isEqualTo(TestContracts.contract(id));
        assertThat(page.editable()).isFalse();
    }

    @Test
    void the_page_names_the_products_that_provide_the_contract_and_those_that_declare_they_read_it() {
        String id = TestContracts.withProviderAndReader();

        ContractDetails page = asDave(() -> contracts.details(id)).orElseThrow();

        assertThat(page.providers())
                .containsExactly(
                        new ContractDetails.Provider(id + "-provider", "Provider " + id, "sales", "orders", "1.0.0"));
        assertThat(page.readers())
                .containsExactly(new ContractDetails.Reader(id + "-reader", "Reader " + id, "marketing", "orders-in"));
    }

    @Test
    void the_consumers_of_approved_agreements_on_a_port_that_offers_the_contract_are_consumers_too() {
        String id = TestContracts.withProviderAndReader();
        Agreement requested = RunAs.user(
                "bob",
                List.of("marketing"),
                () -> access.request(new AccessRequest(
                        id + "-provider", "orders", null, "Campaign reach.", "marketing", id + "-reader", null, null)));
        assertThat(asDave(() -> contracts.details(id)).orElseThrow().agreements())
                .as("a request is not an agreement yet")
                .isEmpty();

        RunAs.user(
                "alice",
                List.of("sales"),
                () -> access.decide(requested.id(), AccessService.Decision.APPROVE, "ok", null));

        assertThat(asDave(() -> contracts.details(id)).orElseThrow().agreements())
                .containsExactly(new ContractAgreements.Agreement(
                        requested.id().toString(), id + "-provider", "orders", "marketing", id + "-reader", "1.2.0"));
    }

    @Test
    void only_the_owning_team_and_governance_may_edit_the_contract() {
        String id = TestContracts.withProviderAndReader();

        assertThat(RunAs.user("alice", List.of("sales"), () -> contracts.mayEdit(id)))
                .isTrue();
        assertThat(RunAs.user("carol", List.of("finance", "mesh-admins"), () -> contracts.mayEdit(id)))
                .isTrue();
        assertThat(RunAs.user("bob", List.of("marketing"), () -> contracts.mayEdit(id)))
                .isFalse();
        assertThat(asDave(() -> contracts.mayEdit(id))).isFalse();
        assertThat(RunAs.user("alice", List.of("sales"), () -> contracts.details(id))
                        .orElseThrow()
                        .editable())
                .isTrue();
    }

    @Test
    void ids_no_contract_has_are_no_contract_whatever_they_hold() {
        for (String odd : List.of(
                "no-such-contract",
                "Ünïcødé-契約-🙂",
                "x".repeat(10_000),
                "nul\u0000byte",
                "lone\uD800",
                "",
                "%",
                "../..")) {
            assertThat(asDave(() -> contracts.details(odd))).as(odd).isEmpty();
            assertThat(asDave(() -> contracts.mayEdit(odd))).as(odd).isFalse();
        }
    }

    @Test
    void the_list_is_paged_and_narrowed_by_id_name_or_team_with_counts_of_providers_and_readers() {
        String id = TestContracts.withProviderAndReader();
        String prefix = id.substring(0, 9);

        List<ContractSummary> found = asDave(() -> contracts.list(prefix.toUpperCase(), 0, 50));

        assertThat(found)
                .containsExactly(new ContractSummary(id, "Page Orders " + id, "1.2.0", "active", "sales", 1, 1));
        assertThat(asDave(() -> contracts.list("page orders " + id, 0, 50))).hasSize(1);
        assertThat(asDave(() -> contracts.list("", 0, 3))).hasSize(3);
        List<ContractSummary> firstSix = asDave(() -> contracts.list("", 0, 6));
        assertThat(asDave(() -> contracts.list("", 3, 3))).isEqualTo(firstSix.subList(3, 6));
        // Taken literally, not as LIKE's wildcards (which would match this contract): other
        // tests' contracts in the shared catalog may hold a literal "_", so the filters are ours.
        String wildcardAtFifth = id.substring(0, 4) + "_" + id.substring(5, 9);
        assertThat(asDave(() -> contracts.list(wildcardAtFifth, 0, 50))).isEmpty();
        assertThat(asDave(() -> contracts.list(id.substring(0, 4) + "%" + id.substring(6, 9), 0, 50)))
                .isEmpty();
        assertThat(asDave(() -> contracts.list("\u0000", 0, 50))).isEmpty();
    }
}
