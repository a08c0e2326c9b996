package io.meshport.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.catalog.ContractChange.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What changed between two versions of a contract, as its consumers feel it, and whether it
 * breaks them: on the standard's own examples, and on a hand-made pair for every kind of change.
 */
class ContractDiffTest {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    // ------------------------------------------------------------------ the official examples

    @Test
    void each_official_example_compared_with_itself_has_no_changes() {
        for (String example : List.of("full-example", "database-table-sla", "kafka-schema")) {
            JsonNode document = example(example);
            assertThat(ContractDiff.between(document, document)).as(example).isEmpty();
        }
    }

    @Test
    void the_first_version_of_a_contract_has_no_changes() {
        assertThat(ContractDiff.between(null, example("full-example"))).isEmpty();
    }

    @Test
    void the_full_example_followed_by_the_sla_example_drops_both_tables_and_the_server_and_breaks() {
        // Both official 3.1.0 examples describe contract 53581432-...: the SLA example keeps the SLA and drops the
        // rest.
        List<ContractChange> changes = ContractDiff.between(example("full-example"), example("database-table-sla"));

        assertThat(changes)
                .extracting(ContractChange::line)
                .containsExactly(
                        "Removed object tbl (breaking)",
                        "Removed object receivers (breaking)",
                        "Removed server my-postgres");
        assertThat(ContractDiff.breaking(changes)).isTrue();
    }

    @Test
    void the_sla_example_followed_by_the_full_example_only_adds() {
        List<ContractChange> changes = ContractDiff.between(example("database-table-sla"), example("full-example"));

        assertThat(changes)
                .extracting(ContractChange::kind)
                .containsExactly(Kind.OBJECT_ADDED, Kind.OBJECT_ADDED, Kind.SERVER_CHANGED);
        assertThat(ContractDiff.breaking(changes)).isFalse();
    }

    @Test
    void the_full_examples_nested_quality_rules_classifications_and_keys_are_compared() {
        JsonNode before = example("full-example");
        String text = read("full-example")
                .replace(
                        "classification: restricted\n        # Property-level",
                        "classification: public\n        # Property-level")
                .replace("mustBeGreaterThan: 1000000", "mustBeGreaterThan: 5000")
                .replace(
                        "      - id: country_code_prop\n        name: country_code\n        primaryKey: true",
                        "      - id: country_code_prop\n        name: country_code\n        primaryKey: false")
                .replace("    value: 3\n    unit: y", "    value: 30\n    unit: d");

        List<ContractChange> changes = ContractDiff.between(before, yaml(text));

        assertThat(changes)
                .extracting(ContractChange::line)
                .containsExactly(
                        "Changed the classification of tbl.rcvr_id from restricted to public",
                        "Changed quality rule tbl.quality[rowCount] from metric rowCount mustBeGreaterThan 1000000"
                                + " severity error to metric rowCount mustBeGreaterThan 5000 severity error",
                        "Took receivers.country_code out of the primary key (breaking)",
                        "Weakened SLA retention(tab1.txn_ref_dt) from 3 y to 30 d (breaking)");
    }

    @Test
    void the_kafka_example_moved_from_odcs_3_0_2_to_3_1_0_with_a_retyped_field_breaks() {
        String text = read("kafka-schema")
                .replace("apiVersion: v3.0.2", "apiVersion: v3.1.0")
                .replace(
                        "      logicalType: integer\n      physicalType: int",
                        "      logicalType: string\n      physicalType: int");

        List<ContractChange> changes = ContractDiff.between(example("kafka-schema"), yaml(text));

        assertThat(changes)
                .extracting(ContractChange::line)
                .containsExactly("Changed Orders.qty.logicalType from integer to string (breaking)");
    }

    // ------------------------------------------------------------------ breaking, by kind

    @Test
    void a_removed_object_breaks() {
        assertBreaking(
                schema("  - name: orders\n  - name: customers\n"),
                schema("  - name: orders\n"),
                Kind.OBJECT_REMOVED,
                "Removed object customers (breaking)");
    }

    @Test
    void a_removed_property_breaks() {
        assertBreaking(
                props("      - name: id\n      - name: note\n"),
                props("      - name: id\n"),
                Kind.PROPERTY_REMOVED,
                "Removed property orders.note (breaking)");
    }

    @Test
    void a_removed_nested_property_breaks_and_is_named_by_its_path() {
        assertBreaking(
                props("      - name: address\n        logicalType: object\n        properties:\n"
                        + "          - name: street\n          - name: city\n"),
                props("      - name: address\n        logicalType: object\n        properties:\n"
                        + "          - name: city\n"),
                Kind.PROPERTY_REMOVED,
                "Removed property orders.address.street (breaking)");
    }

    @Test
    void a_property_removed_from_the_items_of_an_array_breaks() {
        assertBreaking(
                props("      - name: lines\n        logicalType: array\n        items:\n          logicalType: object\n"
                        + "          properties:\n            - name: sku\n            - name: qty\n"),
                props("      - name: lines\n        logicalType: array\n        items:\n          logicalType: object\n"
                        + "          properties:\n            - name: sku\n"),
                Kind.PROPERTY_REMOVED,
                "Removed property orders.lines[].qty (breaking)");
    }

    @Test
    void a_changed_logical_type_breaks() {
        assertBreaking(
                props("      - name: qty\n        logicalType: integer\n"),
                props("      - name: qty\n        logicalType: string\n"),
                Kind.TYPE_CHANGED,
                "Changed orders.qty.logicalType from integer to string (breaking)");
    }

    @Test
    void a_changed_physical_type_breaks() {
        assertBreaking(
                props("      - name: code\n        physicalType: varchar(2)\n"),
                props("      - name: code\n        physicalType: varchar(3)\n"),
                Kind.TYPE_CHANGED,
                "Changed orders.code.physicalType from varchar(2) to varchar(3) (breaking)");
    }

    @Test
    void a_newly_required_property_breaks() {
        assertBreaking(
                props("      - name: email\n        required: false\n"),
                props("      - name: email\n        required: true\n"),
                Kind.REQUIRED_CHANGED,
                "Made orders.email required (breaking)");
    }

    @Test
    void a_changed_primary_key_breaks() {
        assertBreaking(
                props("      - name: id\n"),
                props("      - name: id\n        primaryKey: true\n"),
                Kind.PRIMARY_KEY_CHANGED,
                "Made orders.id part of the primary key (breaking)");
    }

    @Test
    void a_removed_sla_property_breaks() {
        assertBreaking(
                sla(
                        "  - property: latency\n    value: 4\n    unit: h\n  - property: retention\n    value: 1\n    unit: y\n"),
                sla("  - property: latency\n    value: 4\n    unit: h\n"),
                Kind.SLA_REMOVED,
                "Removed SLA retention (was 1 y) (breaking)");
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3} {4} is weakened")
    @CsvSource({
        "availability, 99.9, %, 99, %",
        "availability, 99.9%, '', 99.5%, ''",
        "availability, 0.999, '', 0.99, ''",
        "latency, 4, h, 1, d",
        "latency, 30, m, 1, h",
        "freshness, 1, d, 2, days",
        "timeToRepair, 2, h, 180, min",
        "frequency, 1, h, 1, d",
        "retention, 3, y, 30, d",
        "retention, 1, year, 11, months"
    })
    void a_weakened_service_level_breaks(String property, String was, String wasUnit, String now, String nowUnit) {
        List<ContractChange> changes =
                ContractDiff.between(sla(level(property, was, wasUnit)), sla(level(property, now, nowUnit)));

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(Kind.SLA_WEAKENED);
            assertThat(change.breaking()).isTrue();
            assertThat(change.line())
                    .startsWith("Weakened SLA " + property + " from ")
                    .endsWith("(breaking)");
        });
    }

    // ------------------------------------------------------------------ not breaking, by kind

    @ParameterizedTest(name = "{0} {1} {2} -> {3} {4} is strengthened")
    @CsvSource({
        "availability, 99, %, 99.95, %",
        "latency, 1, d, 4, h",
        "freshness, 90, m, 1, h",
        "timeToRepair, 1, d, 8, hours",
        "frequency, 1, d, 15, m",
        "retention, 30, d, 3, y"
    })
    void a_strengthened_service_level_does_not_break(
            String property, String was, String wasUnit, String now, String nowUnit) {
        List<ContractChange> changes =
                ContractDiff.between(sla(level(property, was, wasUnit)), sla(level(property, now, nowUnit)));

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(Kind.SLA_STRENGTHENED);
            assertThat(change.breaking()).isFalse();
        });
    }

    @Test
    void the_same_service_level_in_another_unit_is_a_change_that_does_not_break() {
        List<ContractChange> changes =
                ContractDiff.between(sla(level("latency", "1", "d")), sla(level("latency", "24", "h")));

        assertThat(changes).extracting(ContractChange::kind).containsExactly(Kind.SLA_CHANGED);
        assertThat(ContractDiff.breaking(changes)).isFalse();
    }

    @Test
    void a_service_level_that_cannot_be_compared_is_a_change_that_does_not_break() {
        List<ContractChange> changes = ContractDiff.between(
                sla("  - property: timeOfAvailability\n    value: 09:00-08:00\n"),
                sla("  - property: timeOfAvailability\n    value: 11:00-08:00\n"));

        assertThat(changes)
                .extracting(ContractChange::line)
                .containsExactly("Changed SLA timeOfAvailability from 09:00-08:00 to 11:00-08:00");
    }

    @Test
    void an_added_object_or_property_does_not_break() {
        assertNotBreaking(
                schema("  - name: orders\n"), schema("  - name: orders\n  - name: refunds\n"), Kind.OBJECT_ADDED);
        assertNotBreaking(
                props("      - name: id\n"),
                props("      - name: id\n      - name: note\n        required: true\n"),
                Kind.PROPERTY_ADDED);
    }

    @Test
    void a_property_no_longer_required_does_not_break() {
        assertNotBreaking(
                props("      - name: email\n        required: true\n"),
                props("      - name: email\n"),
                Kind.REQUIRED_CHANGED);
        assertThat(ContractDiff.between(
                                props("      - name: email\n        required: true\n"), props("      - name: email\n"))
                        .getFirst()
                        .line())
                .isEqualTo("Made orders.email optional");
    }

    @Test
    void a_type_named_for_the_first_time_does_not_break() {
        assertNotBreaking(
                props("      - name: qty\n"),
                props("      - name: qty\n        logicalType: integer\n"),
                Kind.TYPE_CHANGED);
    }

    @Test
    void a_changed_classification_does_not_break() {
        assertNotBreaking(
                props("      - name: email\n        classification: public\n"),
                props("      - name: email\n        classification: restricted\n"),
                Kind.CLASSIFICATION_CHANGED);
    }

    @Test
    void quality_rules_added_changed_or_removed_do_not_break() {
        String rule = "        quality:\n          - metric: nullValues\n            mustBe: 0\n";
        assertNotBreaking(props("      - name: id\n"), props("      - name: id\n" + rule), Kind.QUALITY_ADDED);
        assertNotBreaking(props("      - name: id\n" + rule), props("      - name: id\n"), Kind.QUALITY_REMOVED);
        assertNotBreaking(
                props("      - name: id\n" + rule),
                props("      - name: id\n" + rule.replace("mustBe: 0", "mustBe: 1")),
                Kind.QUALITY_CHANGED);
    }

    @Test
    void an_added_service_level_does_not_break() {
        assertNotBreaking(
                sla(level("latency", "1", "d")),
                sla(level("latency", "1", "d") + level("availability", "99.9", "%")),
                Kind.SLA_ADDED);
    }

    @Test
    void a_changed_server_does_not_break_but_is_listed() {
        String before = base("1.0.0") + "servers:\n  - server: prod\n    type: postgres\n    host: db1\n";
        String after = base("1.0.1") + "servers:\n  - server: prod\n    type: postgres\n    host: db2\n";

        List<ContractChange> changes = ContractDiff.between(yaml(before), yaml(after));

        assertThat(changes)
                .extracting(ContractChange::line)
                .containsExactly("Changed server prod from postgres, host db1 to postgres, host db2");
        assertThat(ContractDiff.breaking(changes)).isFalse();
    }

    @Test
    void wording_version_and_status_are_no_semantic_change() {
        String before = base("1.0.0") + "description:\n  purpose: old\nschema:\n  - name: orders\n    description: a\n";
        String after = base("1.0.1").replace("status: active", "status: deprecated")
                + "description:\n  purpose: new\nschema:\n  - name: orders\n    description: b\n";

        assertThat(ContractDiff.between(yaml(before), yaml(after))).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private static void assertBreaking(JsonNode before, JsonNode after, Kind kind, String line) {
        List<ContractChange> changes = ContractDiff.between(before, after);
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(kind);
            assertThat(change.breaking()).isTrue();
            assertThat(change.line()).isEqualTo(line);
        });
        assertThat(ContractDiff.breaking(changes)).isTrue();
    }

    private static void assertNotBreaking(JsonNode before, JsonNode after, Kind kind) {
        List<ContractChange> changes = ContractDiff.between(before, after);
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(kind);
            assertThat(change.breaking()).isFalse();
        });
        assertThat(ContractDiff.breaking(changes)).isFalse();
    }

    private static String level(String property, String value, String unit) {
        return "  - property: " + property + "\n    value: " + (value.endsWith("%") ? "'" + value + "'" : value) + "\n"
                + (unit.isEmpty() ? "" : "    unit: '" + unit + "'\n");
    }

    private static String base(String version) {
        return "apiVersion: v3.1.0\nkind: DataContract\nid: c\nversion: " + version + "\nstatus: active\n";
    }

    private static JsonNode schema(String objects) {
        return yaml(base("1.0.0") + "schema:\n" + objects);
    }

    private static JsonNode props(String properties) {
        return yaml(base("1.0.0") + "schema:\n  - name: orders\n    properties:\n" + properties);
    }

    private static JsonNode sla(String properties) {
        return yaml(base("1.0.0") + "slaProperties:\n" + properties);
    }

    private static JsonNode yaml(String text) {
        return YAML.readTree(text);
    }

    private static JsonNode example(String name) {
        return yaml(read(name));
    }

    private static String read(String name) {
        String resource = "/standards-examples/odcs/" + name + ".odcs.yaml";
        try (InputStream in = ContractDiffTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
