package io.meshport.lineage;

import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.catalog.Published;
import io.meshport.testing.RunAs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * ODPS documents for lineage tests: a product consumes contracts (input ports) and provides them
 * (output ports). Ids carry a random stem, as tests share one catalog.
 */
final class TestProduct {

    private final String id;
    private String name;
    private String status = "draft";
    private String team = "sales";
    private final List<String> consumes = new ArrayList<>();
    private final List<Output> provides = new ArrayList<>();

    private record Output(String name, String version, String contractId, List<String> inputContracts) {}

    private TestProduct(String id) {
        this.id = id;
        this.name = "Product " + id;
    }

    /** A stem no other test uses, for this test's ids. */
    static String stem(String hint) {
        return hint + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    static TestProduct product(String id) {
        return new TestProduct(id);
    }

    TestProduct named(String name) {
        this.name = name;
        return this;
    }

    TestProduct status(String status) {
        this.status = status;
        return this;
    }

    /** The owning team; sales unless said. */
    TestProduct team(String team) {
        this.team = team;
        return this;
    }

    TestProduct consumes(String... contracts) {
        consumes.addAll(List.of(contracts));
        return this;
    }

    /** An output port {@code out<n>} version 1.0.0 providing the contract. */
    TestProduct provides(String contract) {
        provides.add(new Output("out" + provides.size(), "1.0.0", contract, List.of()));
        return this;
    }

    /** An output port that also lists contracts it is built from ({@code inputContracts}). */
    TestProduct provides(String contract, List<String> inputContracts) {
        provides.add(new Output("out" + provides.size(), "1.0.0", contract, inputContracts));
        return this;
    }

    String id() {
        return id;
    }

    String yaml() {
        StringBuilder yaml = new StringBuilder();
        yaml.append("apiVersion: v1.0.0\nkind: DataProduct\n")
                .append("id: ")
                .append(id)
                .append('\n')
                .append("name: ")
                .append(quoted(name))
                .append('\n')
                .append("status: ")
                .append(status)
                .append('\n')
                .append("domain: lineage-tests\n")
                // An active product needs a purpose; the others do without.
                .append(
                        status.equals("active")
                                ? "description:\n  purpose: Data for the lineage tests, described.\n"
                                : "")
                .append("team:\n  name: ")
                .append(team)
                .append('\n');
        if (!consumes.isEmpty()) {
            yaml.append("inputPorts:\n");
            for (int i = 0; i < consumes.size(); i++) {
                yaml.append("  - name: in")
                        .append(i)
                        .append("\n    version: 1.0.0\n    contractId: ")
                        .append(consumes.get(i))
                        .append('\n');
            }
        }
        if (!provides.isEmpty()) {
            yaml.append("outputPorts:\n");
            for (Output output : provides) {
                yaml.append("  - name: ")
                        .append(output.name())
                        .append("\n    version: ")
                        .append(output.version())
                        .append("\n    contractId: ")
                        .append(output.contractId())
                        .append('\n');
                if (!output.inputContracts().isEmpty()) {
                    yaml.append("    inputContracts:\n");
                    output.inputContracts()
                            .forEach(contract ->
                                    yaml.append("      - id: ").append(contract).append("\n        version: 1.0.0\n"));
                }
            }
        }
        return yaml.toString();
    }

    /** Creates or replaces it through the catalog, as governance. */
    Published publish(CatalogService catalog) {
        return asGovernance(() -> catalog.publishProduct(id, yaml(), DocumentFormat.YAML, null, null));
    }

    static <T> T asGovernance(Supplier<T> work) {
        return RunAs.user("carol", List.of("finance", "mesh-admins"), work);
    }

    static <T> T asConsumer(Supplier<T> work) {
        return RunAs.user("dave", List.of(), work);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
