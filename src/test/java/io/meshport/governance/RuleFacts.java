package io.meshport.governance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What a rule sees of a product, built from documents without a database: the product's and its
 * contracts' documents converted as {@link ProductFactsReader} converts them, the contract fields
 * flattened by the same code, and lineage, SLA and review facts set by the test. Also reads the
 * demo catalog's documents ({@code demo/}) and the standards' own examples
 * ({@code standards-examples/}).
 */
final class RuleFacts {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    /** The day the rules see as today. */
    static final LocalDate TODAY = LocalDate.parse("2026-12-01");

    private final JsonNode product;
    private final Map<String, JsonNode> contracts = new LinkedHashMap<>();
    private List<Object> upstream = List.of();
    private String slaStatus = "no_data";
    private boolean slaConsistent = true;
    private boolean reviewOverdue = false;

    private RuleFacts(JsonNode product) {
        this.product = product;
    }

    /** A product's facts; its output ports' contracts are added with {@link #offering}. */
    static RuleFacts of(JsonNode product) {
        return new RuleFacts(product.deepCopy());
    }

    /** A demo product with the demo contracts its output ports name, and its demo upstream products. */
    static RuleFacts demo(String productId) {
        Demo demo = Demo.load();
        JsonNode product = Objects.requireNonNull(demo.products.get(productId), productId);
        RuleFacts facts = of(product);
        for (JsonNode port : product.path("outputPorts")) {
            JsonNode contract = demo.contracts.get(port.path("contractId").asString(""));
            if (contract != null) {
                facts.offering(contract);
            }
        }
        List<Object> upstream = new ArrayList<>();
        for (JsonNode input : product.path("inputPorts")) {
            String contractId = input.path("contractId").asString("");
            for (JsonNode candidate : demo.products.values()) {
                for (JsonNode out : candidate.path("outputPorts")) {
                    if (out.path("contractId").asString("").equals(contractId)) {
                        upstream.add(neighbour(candidate, TODAY));
                    }
                }
            }
        }
        facts.upstream = upstream.stream().distinct().toList();
        return facts;
    }

    /** A product that offers the contract on one output port named after it. */
    static RuleFacts offeringOnePort(JsonNode contract) {
        String contractId = contract.path("id").asString();
        JsonNode product = YAML.readTree("""
                apiVersion: v1.0.0
                kind: DataProduct
                id: offers-%s
                name: Offers %s
                status: active
                outputPorts:
                  - name: port
                    version: 1.0.0
                    type: tables
                    contractId: %s
                """.formatted(contractId, contractId, contractId));
        return of(product).offering(contract);
    }

    RuleFacts offering(JsonNode contract) {
        contracts.put(contract.path("id").asString(), contract.deepCopy());
        return this;
    }

    /** Changes the product's document before the rule sees it. */
    RuleFacts product(Consumer<ObjectNode> change) {
        change.accept((ObjectNode) product);
        return this;
    }

    /** Changes a contract's document before the rule sees it. */
    RuleFacts contract(String contractId, Consumer<ObjectNode> change) {
        change.accept((ObjectNode) Objects.requireNonNull(contracts.get(contractId), contractId));
        return this;
    }

    RuleFacts upstream(List<Map<String, Object>> neighbours) {
        this.upstream = List.copyOf(neighbours);
        return this;
    }

    /** Changes one upstream product as lineage shows it (status, pastSunset, ...). */
    @SuppressWarnings("unchecked")
    RuleFacts upstream(String id, String key, Object value) {
        List<Object> changed = new ArrayList<>();
        for (Object neighbour : upstream) {
            Map<String, Object> map = new LinkedHashMap<>((Map<String, Object>) neighbour);
            if (id.equals(map.get("id"))) {
                map.put(key, value);
            }
            changed.add(map);
        }
        this.upstream = changed;
        return this;
    }

    List<Object> upstream() {
        return upstream;
    }

    RuleFacts sla(String status, boolean consistent) {
        this.slaStatus = status;
        this.slaConsistent = consistent;
        return this;
    }

    RuleFacts reviewOverdue(boolean overdue) {
        this.reviewOverdue = overdue;
        return this;
    }

    JsonNode document() {
        return product;
    }

    /** The rule's variables, as {@link ProductFactsReader#read} builds them. */
    Map<String, Object> variables() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("product", ProductFactsReader.value(product));
        List<Object> contractValues = new ArrayList<>();
        List<Object> fields = new ArrayList<>();
        contracts.forEach((id, contract) -> {
            contractValues.add(ProductFactsReader.value(contract));
            ProductFactsReader.fields(id, contract, fields);
        });
        variables.put("contracts", contractValues);
        variables.put("fields", fields);
        variables.put("lineage", Map.of("upstream", upstream, "downstream", List.of()));
        variables.put(
                "sla",
                Map.of(
                        "status",
                        slaStatus,
                        "consistent",
                        slaConsistent,
                        "inconsistencies",
                        slaConsistent ? List.of() : List.of("Promises fresher data than an upstream product.")));
        variables.put(
                "review",
                Map.of(
                        "due",
                        reviewOverdue ? "2026-01-01" : "2099-01-01",
                        "overdue",
                        reviewOverdue,
                        "lastReviewedAt",
                        ""));
        variables.put("agreements", List.of());
        variables.put("now", TODAY + "T12:00:00Z");
        variables.put("today", TODAY.toString());
        return variables;
    }

    /** A product as lineage shows it to its neighbours. */
    static Map<String, Object> neighbour(JsonNode product, LocalDate today) {
        String sunset = "";
        for (JsonNode custom : product.path("customProperties")) {
            if (custom.path("property").asString("").equals("sunsetDate")) {
                sunset = custom.path("value").asString("");
            }
        }
        String status = product.path("status").asString("");
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", product.path("id").asString());
        map.put("name", product.path("name").asString());
        map.put("status", status);
        map.put("team", product.path("team").path("name").asString(""));
        map.put("domain", product.path("domain").asString(""));
        map.put("sunsetDate", sunset);
        map.put(
                "pastSunset",
                status.equals("deprecated")
                        && !sunset.isEmpty()
                        && LocalDate.parse(sunset).isBefore(today));
        return map;
    }

    static JsonNode yaml(String classpath) {
        try (InputStream in = RuleFacts.class.getResourceAsStream("/" + classpath)) {
            return YAML.readTree(Objects.requireNonNull(in, classpath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo catalog's documents by id. */
    record Demo(Map<String, JsonNode> products, Map<String, JsonNode> contracts) {

        private static Demo loaded;

        static synchronized Demo load() {
            if (loaded == null) {
                loaded = new Demo(
                        read("classpath*:demo/products/*.odps.yaml"), read("classpath*:demo/contracts/*.odcs.yaml"));
            }
            return loaded;
        }

        private static Map<String, JsonNode> read(String pattern) {
            Map<String, JsonNode> byId = new TreeMap<>();
            try {
                for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                    try (InputStream in = resource.getInputStream()) {
                        JsonNode document = YAML.readTree(in);
                        byId.put(document.path("id").asString(), document);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return byId;
        }
    }
}
