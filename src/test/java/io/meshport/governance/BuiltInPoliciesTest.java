package io.meshport.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.PendingEvents;
import io.meshport.testing.RunAs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The built-in policies as shipped (inserted at start-up, disabled, never overwritten) and their
 * rules over products published through the catalog. The shipped rows are left as they are:
 * the rules run here as copies scoped to this test's own tag, retired afterwards.
 */
@MeshportTest
class BuiltInPoliciesTest {

    @Autowired
    GovernanceService governance;

    @Autowired
    CatalogService catalog;

    @Autowired
    BuiltInPolicies builtIns;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    private final String tag = "bi-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> saved = new ArrayList<>();

    @AfterEach
    void retirePolicies() {
        asCarol(() -> {
            for (String id : saved) {
                if (governance.policy(id).filter(p -> p.retiredAt() == null).isPresent()) {
                    governance.retire(id);
                }
            }
            return null;
        });
    }

    @Test
    void every_built_in_policy_is_in_the_catalog_of_policies_marked_built_in_with_its_creation_by_meshport() {
        for (BuiltInPolicies.BuiltIn builtIn : BuiltInPolicies.all()) {
            PolicyView view = asDave(() -> governance.policy(builtIn.id())).orElseThrow();
            assertThat(view.builtIn()).isTrue();
            List<PolicyHistoryEntry> history = asDave(() -> governance.history(builtIn.id()));
            assertThat(history.getLast().action()).isEqualTo("created");
            assertThat(history.getLast().actor()).isEqualTo("Meshport");
            assertThat(history.getLast().summary()).startsWith("Created disabled, advisory, ");
            assertThat(history.stream().filter(entry -> entry.action().equals("created")))
                    .hasSize(1);
        }
    }

    @Test
    void inserting_them_again_changes_nothing_and_a_changed_one_is_never_overwritten() {
        BuiltInPolicies.BuiltIn shipped = copy(BuiltInPolicies.get(BuiltInPolicies.SUPPORT_CHANNEL), false);
        assertThat(insert(shipped)).isTrue();
        saved.add(shipped.id());
        PolicyDefinition changed = shipped.definition().withMode(PolicyMode.ENFORCED);
        asCarol(() -> governance.save(shipped.id(), changed, 0L));

        assertThat(insert(shipped)).isFalse();
        builtIns.insertMissing();

        PolicyView view = asCarol(() -> governance.policy(shipped.id())).orElseThrow();
        assertThat(view.definition().mode()).isEqualTo(PolicyMode.ENFORCED);
        assertThat(view.builtIn()).isTrue();
        assertThat(asCarol(() -> governance.history(shipped.id())))
                .extracting(PolicyHistoryEntry::action, PolicyHistoryEntry::actor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("enforced", "carol"),
                        org.assertj.core.groups.Tuple.tuple("created", "Meshport"));
    }

    @Test
    void two_nodes_inserting_at_once_insert_one_policy_with_one_history_entry() throws Exception {
        BuiltInPolicies.BuiltIn shipped = copy(BuiltInPolicies.get(BuiltInPolicies.REVIEW_NOT_OVERDUE), false);
        saved.add(shipped.id());
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Boolean>> nodes = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            nodes.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return insert(shipped);
            }));
        }
        start.countDown();
        List<Boolean> inserted = new ArrayList<>();
        for (CompletableFuture<Boolean> node : nodes) {
            inserted.add(node.get());
        }
        assertThat(inserted).containsExactlyInAnyOrder(true, false);
        assertThat(jdbc.sql("select count(*) from policy_change where policy_id = :id")
                        .param("id", shipped.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void the_built_in_rules_judge_published_products_and_follow_an_upstream_retirement() {
        String contract = "c-" + tag;
        String other = "c2-" + tag;
        String upstream = "up-" + tag;
        String downstream = "down-" + tag;
        asAlice(() -> catalog.publishContract(contract, contract(contract, true), DocumentFormat.YAML, null, null));
        asAlice(() -> catalog.publishContract(other, contract(other, false), DocumentFormat.YAML, null, null));
        asAlice(() -> catalog.publishProduct(
                upstream,
                product(
                        upstream,
                        "Every order of the web shop, one row per order line, for revenue and stock reports.",
                        true,
                        "outputPorts:\n  - {name: orders, version: 1.0.0, type: tables, contractId: " + contract
                                + "}\n"),
                DocumentFormat.YAML,
                null,
                null));
        asAlice(() -> catalog.publishProduct(
                downstream,
                product(
                        downstream,
                        "Orders.",
                        false,
                        "inputPorts:\n  - {name: orders-in, version: 1.0.0, contractId: " + contract + "}\n"
                                + "outputPorts:\n  - {name: totals, version: 1.0.0, type: tables, contractId: "
                                + other + "}\n"),
                DocumentFormat.YAML,
                null,
                null));

        for (BuiltInPolicies.BuiltIn builtIn : BuiltInPolicies.all()) {
            BuiltInPolicies.BuiltIn scoped = copy(builtIn, true);
            asCarol(() -> governance.save(scoped.id(), scoped.definition(), null));
            saved.add(scoped.id());
        }

        // The upstream's contract has a personal e-mail address and no roles; the rest it keeps.
        assertThat(results(upstream))
                .containsEntry(BuiltInPolicies.PURPOSE_OF_SUBSTANCE, true)
                .containsEntry(BuiltInPolicies.OUTPUT_PORT_SLA, true)
                .containsEntry(BuiltInPolicies.PERSONAL_DATA_RESTRICTED, false)
                .containsEntry(BuiltInPolicies.SUPPORT_CHANNEL, true)
                .containsEntry(BuiltInPolicies.NO_RETIRED_UPSTREAM, true)
                .containsEntry(BuiltInPolicies.SLA_CONSISTENT_ALONG_LINEAGE, true)
                .containsEntry(BuiltInPolicies.REVIEW_NOT_OVERDUE, true);
        // The downstream's purpose is one word and it names no support channel.
        assertThat(results(downstream))
                .containsEntry(BuiltInPolicies.PURPOSE_OF_SUBSTANCE, false)
                .containsEntry(BuiltInPolicies.OUTPUT_PORT_SLA, true)
                .containsEntry(BuiltInPolicies.PERSONAL_DATA_RESTRICTED, true)
                .containsEntry(BuiltInPolicies.SUPPORT_CHANNEL, false)
                .containsEntry(BuiltInPolicies.NO_RETIRED_UPSTREAM, true);
        assertThat(asAlice(() -> governance.compliance(downstream)))
                .filteredOn(result -> result.policyId().startsWith(BuiltInPolicies.SUPPORT_CHANNEL))
                .singleElement()
                .satisfies(result -> {
                    assertThat(result.message()).contains("support channel");
                    assertThat(result.path()).isEqualTo("/support");
                });

        asAlice(() -> catalog.publishProduct(
                upstream,
                product(
                                upstream,
                                "Every order of the web shop, one row per order line, for revenue and stock reports.",
                                true,
                                "outputPorts:\n  - {name: orders, version: 1.0.0, type: tables, contractId: " + contract
                                        + "}\n")
                        .replace("status: active", "status: retired"),
                DocumentFormat.YAML,
                null,
                null));
        PendingEvents.awaitHandled(jdbc, upstream);

        assertThat(results(downstream)).containsEntry(BuiltInPolicies.NO_RETIRED_UPSTREAM, false);
        // Retired, the upstream itself is out of the scope of the active-only policies.
        assertThat(results(upstream))
                .doesNotContainKey(BuiltInPolicies.NO_RETIRED_UPSTREAM)
                .doesNotContainKey(BuiltInPolicies.REVIEW_NOT_OVERDUE)
                .containsEntry(BuiltInPolicies.PURPOSE_OF_SUBSTANCE, true);
    }

    /** Inserts as start-up does, in a transaction of its own. */
    private boolean insert(BuiltInPolicies.BuiltIn builtIn) {
        return Boolean.TRUE.equals(transactions.execute(status -> builtIns.insert(builtIn)));
    }

    /** The product's results by built-in policy id (this test's copies, named with its tag). */
    private Map<String, Boolean> results(String productId) {
        return asAlice(() -> governance.compliance(productId)).stream()
                .filter(result -> result.policyId().endsWith("-" + tag))
                .collect(Collectors.toMap(
                        result ->
                                result.policyId().substring(0, result.policyId().length() - tag.length() - 1),
                        ComplianceResult::passed));
    }

    /** A copy of a built-in under this test's own id, covering only this test's products. */
    private BuiltInPolicies.BuiltIn copy(BuiltInPolicies.BuiltIn builtIn, boolean enabled) {
        PolicyDefinition shipped = builtIn.definition();
        PolicyScope scope = shipped.scope();
        return new BuiltInPolicies.BuiltIn(
                builtIn.id() + "-" + tag,
                new PolicyDefinition(
                        shipped.title() + " " + tag,
                        shipped.description(),
                        shipped.severity(),
                        shipped.mode(),
                        shipped.enforceOn(),
                        new PolicyScope(scope.domains(), scope.statuses(), List.of(tag), scope.portTypes()),
                        shipped.rule(),
                        shipped.path(),
                        shipped.message(),
                        enabled));
    }

    private String contract(String id, boolean personal) {
        return """
                apiVersion: v3.1.0
                kind: DataContract
                id: %s
                name: Orders %s
                version: 1.0.0
                status: active
                team: {name: sales}
                schema:
                  - name: orders
                    properties:
                      - {name: order_id, logicalType: string, classification: internal}
                      - {name: customer_email, logicalType: string, classification: %s}
                slaProperties:
                  - {property: latency, value: 1, unit: d}
                  - {property: availability, value: 99.5, unit: percent}
                """.formatted(id, id, personal ? "PII" : "internal");
    }

    private String product(String id, String purpose, boolean support, String ports) {
        return """
                apiVersion: v1.0.0
                kind: DataProduct
                id: %s
                name: Product %s
                status: active
                tags: [%s]
                description:
                  purpose: "%s"
                team:
                  name: sales
                """.formatted(id, id, tag, purpose)
                + (support ? "support:\n  - {channel: '#orders', url: 'https://chat.example/orders'}\n" : "")
                + ports;
    }

    private static <T> T asAlice(Supplier<T> work) {
        return RunAs.user("alice", List.of("sales"), work);
    }

    private static <T> T asCarol(Supplier<T> work) {
        return RunAs.user("carol", List.of("finance", "mesh-admins"), work);
    }

    private static <T> T asDave(Supplier<T> work) {
        return RunAs.user("dave", List.of(), work);
    }
}
