package io.meshport.governance;

import dev.cel.common.values.NullValue;
import io.meshport.access.AgreementReadModel;
import io.meshport.catalog.CatalogReadModel;
import io.meshport.catalog.ProductStatus;
import io.meshport.lineage.LineageReadModel;
import io.meshport.review.ReviewState;
import io.meshport.review.ReviewStates;
import io.meshport.sla.ComplianceStatus;
import io.meshport.sla.SlaConsistencyWarning;
import io.meshport.sla.SlaService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gathers what policies see of products, many at a time and in a fixed number of queries: the
 * documents and contracts from the catalog, one hop of lineage each way, measured SLA compliance
 * and consistency, the review state and the approved agreements. Runs with no caller (the sweep)
 * as well as inside a write, where it sees the write's own, not yet committed, rows.
 */
@Component
@Transactional(readOnly = true)
class ProductFactsReader {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final CatalogReadModel catalog;
    private final LineageReadModel lineage;
    private final SlaService sla;
    private final ReviewStates reviews;
    private final AgreementReadModel agreements;
    private final Clock clock;

    ProductFactsReader(
            CatalogReadModel catalog,
            LineageReadModel lineage,
            SlaService sla,
            ReviewStates reviews,
            AgreementReadModel agreements,
            Clock clock) {
        this.catalog = catalog;
        this.lineage = lineage;
        this.sla = sla;
        this.reviews = reviews;
        this.agreements = agreements;
        this.clock = clock;
    }

    /** The facts of each of the products that exist, in id order. */
    List<ProductFacts> read(Collection<String> productIds) {
        return read(productIds, clock.instant());
    }

    /**
     * The facts as of {@code now}: what the rule sees as {@code now} and {@code today}, and whether
     * a deprecated upstream is past its sunset date (the sweep passes its own clock's time).
     */
    List<ProductFacts> read(Collection<String> productIds, Instant now) {
        List<CatalogReadModel.Documented> documents = catalog.documents(productIds);
        if (documents.isEmpty()) {
            return List.of();
        }
        List<String> ids =
                documents.stream().map(CatalogReadModel.Documented::id).toList();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);

        Map<String, List<String>> upstream = new HashMap<>();
        lineage.into(ids).forEach(link -> upstream.computeIfAbsent(link.downstreamId(), id -> new ArrayList<>())
                .add(link.upstreamId()));
        Map<String, List<String>> downstream = new HashMap<>();
        lineage.outOf(ids).forEach(link -> downstream
                .computeIfAbsent(link.upstreamId(), key -> new ArrayList<>())
                .add(link.downstreamId()));
        Set<String> neighbours = new TreeSet<>();
        upstream.values().forEach(neighbours::addAll);
        downstream.values().forEach(neighbours::addAll);
        Map<String, CatalogReadModel.Product> neighbourProducts = catalog.products(neighbours);

        Map<String, ComplianceStatus> compliance = sla.summaries(ids);
        Map<String, List<SlaConsistencyWarning>> inconsistencies = sla.consistencyWarningsForChecks(ids);
        Map<String, ReviewState> reviewStates = reviews.of(ids);
        Map<String, List<AgreementReadModel.Consumer>> consumers = new HashMap<>();
        agreements.consumersOf(ids).forEach(consumer -> consumers
                .computeIfAbsent(consumer.productId(), id -> new ArrayList<>())
                .add(consumer));

        List<ProductFacts> facts = new ArrayList<>();
        for (CatalogReadModel.Documented document : documents) {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("product", value(JSON.readTree(document.document())));
            List<Object> contracts = new ArrayList<>();
            List<Object> fields = new ArrayList<>();
            document.contracts().forEach((contractId, json) -> {
                JsonNode contract = JSON.readTree(json);
                contracts.add(value(contract));
                fields(contractId, contract, fields);
            });
            variables.put("contracts", contracts);
            variables.put("fields", fields);
            variables.put(
                    "lineage",
                    Map.of(
                            "upstream", neighbours(upstream.get(document.id()), neighbourProducts, today),
                            "downstream", neighbours(downstream.get(document.id()), neighbourProducts, today)));
            List<SlaConsistencyWarning> warnings = inconsistencies.getOrDefault(document.id(), List.of());
            variables.put(
                    "sla",
                    Map.of(
                            "status",
                            compliance
                                    .getOrDefault(document.id(), ComplianceStatus.NO_DATA)
                                    .name()
                                    .toLowerCase(Locale.ROOT),
                            "consistent",
                            warnings.isEmpty(),
                            "inconsistencies",
                            warnings.stream()
                                    .map(SlaConsistencyWarning::message)
                                    .toList()));
            ReviewState review = reviewStates.get(document.id());
            variables.put(
                    "review",
                    Map.of(
                            "due",
                            review == null || review.due() == null
                                    ? ""
                                    : review.due().toString(),
                            "overdue",
                            review != null && review.overdue(),
                            "lastReviewedAt",
                            review == null || review.lastReviewedAt() == null
                                    ? ""
                                    : review.lastReviewedAt().toString()));
            variables.put(
                    "agreements",
                    consumers.getOrDefault(document.id(), List.of()).stream()
                            .map(consumer -> (Object) Map.of(
                                    "outputPort",
                                    consumer.outputPort(),
                                    "consumerTeam",
                                    consumer.consumerTeam(),
                                    "consumerProduct",
                                    text(consumer.consumerProduct()),
                                    "provisioning",
                                    consumer.provisioning() == null
                                            ? ""
                                            : consumer.provisioning().name().toLowerCase(Locale.ROOT)))
                            .toList());
            variables.put("now", now.toString());
            variables.put("today", today.toString());
            facts.add(new ProductFacts(
                    document.id(),
                    document.name(),
                    document.domain(),
                    document.ownerTeam(),
                    document.status(),
                    document.tags(),
                    document.portTypes(),
                    variables));
        }
        return facts;
    }

    private static List<Object> neighbours(
            @Nullable List<String> ids, Map<String, CatalogReadModel.Product> products, LocalDate today) {
        if (ids == null) {
            return List.of();
        }
        List<Object> neighbours = new ArrayList<>();
        for (String id : new TreeSet<>(ids)) {
            CatalogReadModel.Product product = products.get(id);
            if (product == null) {
                continue;
            }
            String sunset = text(product.sunsetDate());
            neighbours.add(Map.of(
                    "id", product.id(),
                    "name", product.name(),
                    "status", product.status().value(),
                    "team", product.ownerTeam(),
                    "domain", text(product.domain()),
                    "sunsetDate", sunset,
                    "pastSunset", product.status() == ProductStatus.DEPRECATED && pastSunset(sunset, today)));
        }
        return neighbours;
    }

    private static boolean pastSunset(String sunset, LocalDate today) {
        if (sunset.isBlank()) {
            return false;
        }
        try {
            return LocalDate.parse(sunset.length() > 10 ? sunset.substring(0, 10) : sunset)
                    .isBefore(today);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * The contract's properties, nested ones included (named with dots), flattened so that a rule
     * about classified fields need not walk the schema: {@code {contract, object, name,
     * logicalType, classification, required, primaryKey, criticalDataElement}}.
     */
    static void fields(String contractId, JsonNode contract, List<Object> into) {
        for (JsonNode object : contract.path("schema")) {
            String objectName = object.path("name").asString("");
            properties(contractId, objectName, "", object.path("properties"), into, 0);
        }
    }

    private static void properties(
            String contractId, String object, String prefix, JsonNode properties, List<Object> into, int depth) {
        if (depth > 10 || !properties.isArray()) {
            return;
        }
        for (JsonNode property : properties) {
            String name = prefix + property.path("name").asString("");
            into.add(Map.of(
                    "contract", contractId,
                    "object", object,
                    "name", name,
                    "logicalType", property.path("logicalType").asString(""),
                    "classification", property.path("classification").asString(""),
                    "required", property.path("required").asBoolean(false),
                    "primaryKey", property.path("primaryKey").asBoolean(false),
                    "criticalDataElement", property.path("criticalDataElement").asBoolean(false)));
            properties(contractId, object, name + ".", property.path("properties"), into, depth + 1);
            properties(contractId, object, name + ".", property.path("items").path("properties"), into, depth + 1);
        }
    }

    /** A JSON tree as CEL values: objects as maps, arrays as lists, whole numbers as longs. */
    static Object value(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(entry -> map.put(entry.getKey(), value(entry.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(value(element)));
            return list;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNull() || node.isMissingNode()) {
            return NullValue.NULL_VALUE;
        }
        return node.asString();
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
