package io.meshport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No module reads or writes another module's tables (docs/decisions/0018-module-data-ownership.md):
 * a table belongs to the module named below for it, and only that module's SQL names it. Any other
 * module asks the owner's public face, where the module test sees the dependency. Every table the
 * migrations create must be listed, so a new table cannot slip in without an owner.
 */
class TableOwnershipTest {

    /** Which module owns each table the migrations create. */
    static final Map<String, String> OWNER = Map.ofEntries(
            Map.entry("app_user", "identity"),
            Map.entry("api_key", "identity"),
            Map.entry("data_product", "catalog"),
            Map.entry("product_output_port", "catalog"),
            Map.entry("product_input_port", "catalog"),
            Map.entry("data_contract", "catalog"),
            Map.entry("contract_sla_property", "catalog"),
            Map.entry("contract_schema_field", "catalog"),
            Map.entry("contract_version", "catalog"),
            Map.entry("change_record", "catalog"),
            Map.entry("lineage_input", "lineage"),
            Map.entry("lineage_edge", "lineage"),
            Map.entry("lineage_observed_edge", "lineage"),
            Map.entry("lineage_observed_product", "lineage"),
            Map.entry("openlineage_job", "openlineage"),
            Map.entry("openlineage_run", "openlineage"),
            Map.entry("openlineage_dataset", "openlineage"),
            Map.entry("openlineage_job_dataset", "openlineage"),
            Map.entry("openlineage_run_dataset", "openlineage"),
            Map.entry("openlineage_event", "openlineage"),
            Map.entry("port_dataset", "openlineage"),
            Map.entry("port_dataset_rules", "openlineage"),
            Map.entry("sla_observation", "sla"),
            Map.entry("sla_objective_status", "sla"),
            Map.entry("sla_check", "sla"),
            Map.entry("sla_pipeline_run", "sla"),
            Map.entry("product_review", "review"),
            Map.entry("notification", "notification"),
            Map.entry("notification_read", "notification"),
            Map.entry("access_agreement", "access"),
            Map.entry("access_agreement_change", "access"),
            Map.entry("platform_event", "events"),
            Map.entry("policy", "governance"),
            Map.entry("policy_change", "governance"),
            Map.entry("policy_exemption", "governance"),
            Map.entry("policy_result", "governance"),
            Map.entry("policy_result_change", "governance"),
            Map.entry("compliance_day", "governance"),
            Map.entry("product_trust", "governance"),
            // Spring Modulith's event publication registry, configured in system.
            Map.entry("event_publication", "system"),
            Map.entry("shedlock", "system"));

    private static final Path MIGRATIONS = Path.of("db/migrations");
    private static final Path SOURCES = Path.of("src/main/java/io/meshport");

    private static final Pattern CREATE_TABLE =
            Pattern.compile("(?i)\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
    /** Text blocks first, then ordinary string literals (escaped quotes allowed). */
    private static final Pattern STRING_LITERAL =
            Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    /** A table in the places SQL names one. */
    private static final Pattern TABLE_REFERENCE =
            Pattern.compile("(?i)\\b(?:from|join|into|update|exists|table)\\s+(?:only\\s+)?([a-z_][a-z0-9_]*)");

    @Test
    void every_table_the_migrations_create_has_an_owning_module() {
        assertThat(OWNER.keySet()).containsExactlyInAnyOrderElementsOf(createdTables());
    }

    @Test
    void no_module_names_another_modules_table_in_its_sql() {
        assertThat(foreignTableReferences(SOURCES))
                .as("SQL that names another module's table; ask the owning module's public face instead")
                .isEmpty();
    }

    @Test
    void the_check_sees_a_foreign_table_in_a_text_block_and_in_a_concatenated_literal() {
        String source = "class ReviewStore {\n"
                + "  String a = \"\"\"\n      select p.id from data_product p\n      \"\"\";\n"
                + "  String b = \"select 1 from product_review r join \" + \"lineage_edge e on true\";\n"
                + "  String c = \"delete from product_review where id = :id\";\n}\n";
        assertThat(foreignTables("review", source)).containsExactly("data_product", "lineage_edge");
    }

    /** Per source file (module/file), the tables of other modules its string literals name. */
    static Map<String, Set<String>> foreignTableReferences(Path sources) {
        Map<String, Set<String>> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = sources.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // the application class, in no module
                }
                String module = relative.getName(0).toString();
                Set<String> foreign = foreignTables(module, Files.readString(file));
                if (!foreign.isEmpty()) {
                    found.put(relative.toString(), foreign);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    static Set<String> foreignTables(String module, String source) {
        Set<String> foreign = new TreeSet<>();
        Matcher literal = STRING_LITERAL.matcher(withoutComments(source));
        // Literals joined by + are read as one, as a statement is built from several.
        StringBuilder text = new StringBuilder();
        while (literal.find()) {
            text.append(literal.group(1) != null ? literal.group(1) : literal.group(2))
                    .append(' ');
        }
        Matcher table = TABLE_REFERENCE.matcher(text);
        while (table.find()) {
            String name = table.group(1).toLowerCase(java.util.Locale.ROOT);
            String owner = OWNER.get(name);
            if (owner != null && !owner.equals(module)) {
                foreign.add(name);
            }
        }
        return foreign;
    }

    /** Javadoc and comments talk about tables; only code counts. */
    private static String withoutComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)^\\s*//.*$", " ");
    }

    private static List<String> createdTables() {
        List<String> tables = new ArrayList<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .toList()) {
                Matcher create = CREATE_TABLE.matcher(Files.readString(file));
                while (create.find()) {
                    tables.add(create.group(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tables;
    }
}
