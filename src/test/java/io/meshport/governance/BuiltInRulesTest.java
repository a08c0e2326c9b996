package io.meshport.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The built-in policies' rules over real documents: the standards' own examples
 * ({@code standards-examples/}) and the demo catalog ({@code demo/}), each case keeping or
 * breaking a rule for a reason one can see in the document. Converted to the rule's variables as
 * {@link ProductFactsReader} converts them; no database.
 */
class BuiltInRulesTest {

    private static final JsonNode ODPS_EXAMPLE =
            RuleFacts.yaml("standards-examples/odps/simple-data-product.odps.yaml");
    private static final JsonNode ODCS_FULL = RuleFacts.yaml("standards-examples/odcs/full-example.odcs.yaml");
    private static final JsonNode ODCS_SLA = RuleFacts.yaml("standards-examples/odcs/database-table-sla.odcs.yaml");
    private static final JsonNode ODCS_KAFKA = RuleFacts.yaml("standards-examples/odcs/kafka-schema.odcs.yaml");

    @Test
    void every_built_in_policy_compiles_and_ships_disabled_advisory_and_explained() {
        assertThat(BuiltInPolicies.all())
                .extracting(BuiltInPolicies.BuiltIn::id)
                .containsExactly(
                        BuiltInPolicies.PURPOSE_OF_SUBSTANCE,
                        BuiltInPolicies.OUTPUT_PORT_SLA,
                        BuiltInPolicies.PERSONAL_DATA_RESTRICTED,
                        BuiltInPolicies.SUPPORT_CHANNEL,
                        BuiltInPolicies.NO_RETIRED_UPSTREAM,
                        BuiltInPolicies.SLA_CONSISTENT_ALONG_LINEAGE,
                        BuiltInPolicies.REVIEW_NOT_OVERDUE);
        for (BuiltInPolicies.BuiltIn builtIn : BuiltInPolicies.all()) {
            PolicyDefinition definition = builtIn.definition();
            assertThat(GovernanceService.ID.matcher(builtIn.id()).matches()).isTrue();
            assertThat(RuleEngine.problems(definition.rule())).as(builtIn.id()).isEmpty();
            assertThat(definition.enabled()).isFalse();
            assertThat(definition.mode()).isEqualTo(PolicyMode.ADVISORY);
            assertThat(definition.description()).contains("**To keep it**");
            assertThat(definition.message()).isNotBlank();
            assertThat(definition.title()).isNotBlank();
        }
    }

    @Test
    void the_lineage_and_review_policies_are_about_active_products_only() {
        for (String id : List.of(
                BuiltInPolicies.NO_RETIRED_UPSTREAM,
                BuiltInPolicies.SLA_CONSISTENT_ALONG_LINEAGE,
                BuiltInPolicies.REVIEW_NOT_OVERDUE)) {
            assertThat(BuiltInPolicies.get(id).definition().scope().statuses()).containsExactly("active");
        }
    }

    @Test
    void every_built_in_rule_decides_every_demo_product_within_its_budget() {
        for (String productId : RuleFacts.Demo.load().products().keySet()) {
            Map<String, Object> variables = RuleFacts.demo(productId).variables();
            for (BuiltInPolicies.BuiltIn builtIn : BuiltInPolicies.all()) {
                RuleEngine.Outcome outcome = RuleEngine.evaluate(
                        RuleEngine.compile(builtIn.definition().rule()), variables);
                assertThat(outcome.error())
                        .as(builtIn.id() + " on " + productId)
                        .isNull();
            }
        }
    }

    @Nested
    class A_purpose_of_substance {

        @Test
        void is_kept_by_customer_360_whose_purpose_lists_what_it_combines() {
            assertKeeps(BuiltInPolicies.PURPOSE_OF_SUBSTANCE, RuleFacts.demo("customer-360"));
        }

        @Test
        void is_broken_by_the_odps_example_whose_purpose_is_four_words() {
            assertThat(ODPS_EXAMPLE.path("description").path("purpose").asString())
                    .isEqualTo("Simple test data product");
            assertBreaks(BuiltInPolicies.PURPOSE_OF_SUBSTANCE, RuleFacts.of(ODPS_EXAMPLE));
        }

        @Test
        void is_broken_by_a_placeholder_however_long() {
            assertBreaks(
                    BuiltInPolicies.PURPOSE_OF_SUBSTANCE,
                    RuleFacts.demo("sales-orders").product(p -> description(p)
                            .put("purpose", "TBD: the team will describe this product once it runs in production.")));
            assertBreaks(
                    BuiltInPolicies.PURPOSE_OF_SUBSTANCE,
                    RuleFacts.demo("sales-orders").product(p -> description(p)
                            .put("purpose", "  n/a - see the wiki page of the sales data team for details  ")));
        }

        @Test
        void is_broken_by_forty_characters_of_one_word_and_by_no_description_at_all() {
            assertBreaks(
                    BuiltInPolicies.PURPOSE_OF_SUBSTANCE,
                    RuleFacts.demo("sales-orders").product(p -> description(p).put("purpose", "x".repeat(60))));
            assertBreaks(
                    BuiltInPolicies.PURPOSE_OF_SUBSTANCE,
                    RuleFacts.demo("sales-orders").product(p -> p.remove("description")));
        }

        @Test
        void counts_a_purpose_written_over_several_lines_by_its_words() {
            assertKeeps(
                    BuiltInPolicies.PURPOSE_OF_SUBSTANCE,
                    RuleFacts.demo("sales-orders").product(p -> description(p)
                            .put("purpose", "Orders\nper\nday\nfor\nthe\nsales\nteam's reports.")));
        }
    }

    @Nested
    class Every_output_port_promises_availability_or_freshness {

        @Test
        void is_kept_by_customer_360_whose_two_contracts_both_promise_availability_and_latency() {
            RuleFacts customer360 = RuleFacts.demo("customer-360");
            assertThat(customer360.document().path("outputPorts")).hasSize(2);
            assertKeeps(BuiltInPolicies.OUTPUT_PORT_SLA, customer360);
        }

        @Test
        void is_kept_by_the_draft_sales_pipeline_forecast_whose_contract_has_only_a_tentative_latency() {
            assertKeeps(BuiltInPolicies.OUTPUT_PORT_SLA, RuleFacts.demo("sales-pipeline-forecast"));
        }

        @Test
        void is_broken_by_the_proposed_retention_offers_whose_contract_has_no_sla() {
            assertThat(RuleFacts.Demo.load()
                            .contracts()
                            .get("retention-offers-v1")
                            .has("slaProperties"))
                    .isFalse();
            assertBreaks(BuiltInPolicies.OUTPUT_PORT_SLA, RuleFacts.demo("retention-offers"));
        }

        @Test
        void is_broken_when_one_of_two_ports_loses_its_promises() {
            assertBreaks(
                    BuiltInPolicies.OUTPUT_PORT_SLA,
                    RuleFacts.demo("customer-360").contract("customer-360-api-v1", c -> c.remove("slaProperties")));
        }

        @Test
        void is_kept_by_the_odcs_examples_that_promise_a_latency() {
            assertKeeps(BuiltInPolicies.OUTPUT_PORT_SLA, RuleFacts.offeringOnePort(ODCS_FULL));
            assertKeeps(BuiltInPolicies.OUTPUT_PORT_SLA, RuleFacts.offeringOnePort(ODCS_SLA));
        }

        @Test
        void is_broken_by_the_odcs_kafka_example_which_promises_nothing() {
            assertBreaks(BuiltInPolicies.OUTPUT_PORT_SLA, RuleFacts.offeringOnePort(ODCS_KAFKA));
        }

        @Test
        void is_broken_by_the_odps_example_whose_port_names_a_contract_not_in_the_catalog() {
            assertBreaks(BuiltInPolicies.OUTPUT_PORT_SLA, RuleFacts.of(ODPS_EXAMPLE));
        }

        @Test
        void is_broken_by_a_port_without_a_contract_and_by_a_promise_without_a_value() {
            assertBreaks(
                    BuiltInPolicies.OUTPUT_PORT_SLA,
                    RuleFacts.demo("shipments")
                            .product(p -> ((ObjectNode) p.path("outputPorts").get(0)).remove("contractId")));
            assertBreaks(
                    BuiltInPolicies.OUTPUT_PORT_SLA,
                    RuleFacts.offeringOnePort(ODCS_KAFKA).contract("orders", c -> c.putArray("slaProperties")
                            .addObject()
                            .put("property", "availability")
                            .putNull("value")));
        }

        @Test
        void reads_the_property_names_in_any_case_and_counts_freshness_as_latency() {
            assertKeeps(
                    BuiltInPolicies.OUTPUT_PORT_SLA,
                    RuleFacts.offeringOnePort(ODCS_KAFKA).contract("orders", c -> c.putArray("slaProperties")
                            .addObject()
                            .put("property", " Freshness ")
                            .put("value", 2)
                            .put("unit", "h")));
        }

        @Test
        void does_not_count_a_retention_or_frequency_as_a_promise() {
            assertBreaks(
                    BuiltInPolicies.OUTPUT_PORT_SLA,
                    RuleFacts.offeringOnePort(ODCS_KAFKA).contract("orders", c -> {
                        var sla = c.putArray("slaProperties");
                        sla.addObject()
                                .put("property", "retention")
                                .put("value", 3)
                                .put("unit", "y");
                        sla.addObject()
                                .put("property", "frequency")
                                .put("value", 1)
                                .put("unit", "d");
                    }));
        }
    }

    @Nested
    class Personal_data_only_through_a_restricted_access_role {

        @Test
        void is_kept_by_the_odcs_full_example_whose_restricted_fields_have_roles_with_approvers() {
            assertThat(ODCS_FULL
                            .path("roles")
                            .get(0)
                            .path("firstLevelApprovers")
                            .asString())
                    .isEqualTo("Reporting Manager");
            assertKeeps(BuiltInPolicies.PERSONAL_DATA_RESTRICTED, RuleFacts.offeringOnePort(ODCS_FULL));
        }

        @Test
        void is_broken_by_the_odcs_full_example_without_its_roles() {
            assertBreaks(
                    BuiltInPolicies.PERSONAL_DATA_RESTRICTED,
                    RuleFacts.offeringOnePort(ODCS_FULL)
                            .contract(ODCS_FULL.path("id").asString(), c -> c.remove("roles")));
        }

        @Test
        void is_broken_by_the_demo_users_whose_email_hash_is_pii_and_whose_contract_has_no_roles() {
            assertThat(RuleFacts.Demo.load().contracts().get("users-v1").has("roles"))
                    .isFalse();
            assertBreaks(BuiltInPolicies.PERSONAL_DATA_RESTRICTED, RuleFacts.demo("users"));
        }

        @Test
        void is_kept_by_the_demo_users_once_its_contract_names_a_role_and_its_approvers() {
            assertKeeps(
                    BuiltInPolicies.PERSONAL_DATA_RESTRICTED,
                    RuleFacts.demo("users").contract("users-v1", c -> c.putArray("roles")
                            .addObject()
                            .put("role", "users_reader")
                            .put("access", "read")
                            .put("firstLevelApprovers", "Customer data owner")));
        }

        @Test
        void is_broken_by_a_role_without_approvers() {
            assertBreaks(
                    BuiltInPolicies.PERSONAL_DATA_RESTRICTED,
                    RuleFacts.demo("users").contract("users-v1", c -> c.putArray("roles")
                            .addObject()
                            .put("role", "users_reader")
                            .put("access", "read")));
        }

        @Test
        void is_broken_when_the_port_approves_access_automatically_whatever_the_roles() {
            assertBreaks(
                    BuiltInPolicies.PERSONAL_DATA_RESTRICTED,
                    RuleFacts.offeringOnePort(ODCS_FULL)
                            .product(p -> ((ObjectNode) p.path("outputPorts").get(0))
                                    .putArray("customProperties")
                                    .addObject()
                                    .put("property", "accessApproval")
                                    .put("value", "automatic")));
        }

        @Test
        void is_kept_by_contracts_without_personal_data_the_kafka_example_and_the_demo_inventory() {
            assertKeeps(BuiltInPolicies.PERSONAL_DATA_RESTRICTED, RuleFacts.offeringOnePort(ODCS_KAFKA));
            assertKeeps(BuiltInPolicies.PERSONAL_DATA_RESTRICTED, RuleFacts.demo("inventory-levels"));
        }

        @Test
        void does_not_count_confidential_or_internal_as_personal_data() {
            // General Ledger's amounts are confidential, its contract has no roles.
            assertKeeps(BuiltInPolicies.PERSONAL_DATA_RESTRICTED, RuleFacts.demo("general-ledger"));
        }

        @Test
        void reads_the_classification_in_any_case_and_spelling() {
            for (String classification :
                    List.of("PII", " Personal Data ", "personal_data", "Sensitive", "RESTRICTED")) {
                assertBreaks(
                        BuiltInPolicies.PERSONAL_DATA_RESTRICTED,
                        RuleFacts.demo("inventory-levels")
                                .contract("inventory-levels-v1", c -> ((ObjectNode) c.path("schema")
                                                .get(0)
                                                .path("properties")
                                                .get(0))
                                        .put("classification", classification)));
            }
        }
    }

    @Nested
    class A_support_channel {

        @Test
        void is_kept_by_every_demo_product_which_all_name_a_channel() {
            for (String productId : RuleFacts.Demo.load().products().keySet()) {
                assertKeeps(BuiltInPolicies.SUPPORT_CHANNEL, RuleFacts.demo(productId));
            }
        }

        @Test
        void is_broken_by_the_odps_example_which_has_no_support_list() {
            assertThat(ODPS_EXAMPLE.has("support")).isFalse();
            assertBreaks(BuiltInPolicies.SUPPORT_CHANNEL, RuleFacts.of(ODPS_EXAMPLE));
        }

        @Test
        void is_broken_by_an_empty_list_and_by_a_blank_channel() {
            assertBreaks(
                    BuiltInPolicies.SUPPORT_CHANNEL, RuleFacts.demo("users").product(p -> p.putArray("support")));
            assertBreaks(
                    BuiltInPolicies.SUPPORT_CHANNEL, RuleFacts.demo("users").product(p -> p.putArray("support")
                            .addObject()
                            .put("channel", "  ")
                            .put("url", "https://acme.slack.com")));
        }
    }

    @Nested
    class No_active_product_builds_on_a_retired_one {

        @Test
        void is_kept_by_customer_360_whose_four_upstream_products_are_active() {
            RuleFacts customer360 = RuleFacts.demo("customer-360");
            assertThat(customer360.upstream()).hasSize(4);
            assertKeeps(BuiltInPolicies.NO_RETIRED_UPSTREAM, customer360);
        }

        @Test
        void is_broken_by_customer_360_once_users_is_retired() {
            assertBreaks(
                    BuiltInPolicies.NO_RETIRED_UPSTREAM,
                    RuleFacts.demo("customer-360").upstream("users", "status", "retired"));
        }

        @Test
        void is_broken_by_a_deprecated_upstream_past_its_sunset_but_not_before() {
            JsonNode extract = RuleFacts.Demo.load().products().get("monthly-revenue-extract");
            assertThat(extract.path("status").asString()).isEqualTo("deprecated");
            RuleFacts before = RuleFacts.of(RuleFacts.Demo.load().products().get("financial-forecasts"))
                    .upstream(List.of(RuleFacts.neighbour(extract, RuleFacts.TODAY)));
            assertKeeps(BuiltInPolicies.NO_RETIRED_UPSTREAM, before);
            RuleFacts after = RuleFacts.of(RuleFacts.Demo.load().products().get("financial-forecasts"))
                    .upstream(List.of(RuleFacts.neighbour(extract, java.time.LocalDate.parse("2027-02-01"))));
            assertBreaks(BuiltInPolicies.NO_RETIRED_UPSTREAM, after);
        }

        @Test
        void is_kept_by_a_product_with_no_upstream_at_all() {
            assertKeeps(BuiltInPolicies.NO_RETIRED_UPSTREAM, RuleFacts.demo("stock-trades"));
        }
    }

    @Nested
    class Service_levels_consistent_along_lineage {

        @Test
        void follows_the_sla_modules_consistency_check() {
            assertKeeps(BuiltInPolicies.SLA_CONSISTENT_ALONG_LINEAGE, RuleFacts.demo("trending-stocks"));
            assertBreaks(
                    BuiltInPolicies.SLA_CONSISTENT_ALONG_LINEAGE,
                    RuleFacts.demo("trending-stocks").sla("met", false));
        }
    }

    @Nested
    class Review_not_overdue {

        @Test
        void follows_the_review_state() {
            assertKeeps(BuiltInPolicies.REVIEW_NOT_OVERDUE, RuleFacts.demo("sales-orders"));
            assertBreaks(
                    BuiltInPolicies.REVIEW_NOT_OVERDUE,
                    RuleFacts.demo("sales-orders").reviewOverdue(true));
        }
    }

    private static ObjectNode description(ObjectNode product) {
        return (ObjectNode) product.path("description");
    }

    private static void assertKeeps(String policyId, RuleFacts facts) {
        RuleEngine.Outcome outcome = evaluate(policyId, facts);
        assertThat(outcome.error()).as(policyId).isNull();
        assertThat(outcome.passed())
                .as(policyId + " kept by " + facts.document().path("id"))
                .isTrue();
    }

    private static void assertBreaks(String policyId, RuleFacts facts) {
        RuleEngine.Outcome outcome = evaluate(policyId, facts);
        assertThat(outcome.error())
                .as(policyId + ": broken by the rule, not by an error")
                .isNull();
        assertThat(outcome.passed())
                .as(policyId + " broken by " + facts.document().path("id"))
                .isFalse();
    }

    private static RuleEngine.Outcome evaluate(String policyId, RuleFacts facts) {
        return RuleEngine.evaluate(
                RuleEngine.compile(BuiltInPolicies.get(policyId).definition().rule()), facts.variables());
    }
}
