package io.meshport.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Meshport's rules on top of the ODPS schema: stable ids, unique ports, the life cycle, and
 * what a product needs before it may be active.
 */
final class ProductRules {

    /** SLA properties that make a promise about availability or freshness. */
    private static final Set<String> SERVICE_LEVELS = Set.of("availability", "latency", "freshness");

    /** Ids of products and contracts alike: ASCII, safe in a URL path, at most 200 characters. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,199}");

    static final String ID_RULE =
            "An id uses ASCII letters, digits, '.', '_', ':' and '-' (at most 200), starting with a letter or digit.";

    private ProductRules() {}

    static boolean isValidId(String id) {
        return ID.matcher(id).matches();
    }

    static List<Violation> check(
            ProductDocument document,
            @Nullable String expectedId,
            @Nullable ProductStatus currentStatus,
            Function<String, Optional<DataContract>> contracts) {
        List<Violation> violations = new ArrayList<>();
        if (document.id().isBlank()) {
            violations.add(new Violation("/id", "A data product needs an id."));
        } else if (!isValidId(document.id())) {
            violations.add(new Violation("/id", ID_RULE));
        } else if (expectedId != null && !expectedId.equals(document.id())) {
            violations.add(new Violation(
                    "/id", "The document's id '" + document.id() + "' differs from '" + expectedId + "' in the URL."));
        }
        if (!document.parsed().tree().path("kind").asString("").equals("DataProduct")) {
            violations.add(new Violation("/kind", "kind must be DataProduct."));
        }
        checkName(violations, "/name", document.parsed().tree().path("name"));
        checkVersion(violations, "/version", document.version());

        Set<String> portKeys = new HashSet<>();
        List<OutputPort> outputs = document.outputPorts();
        for (int i = 0; i < outputs.size(); i++) {
            OutputPort port = outputs.get(i);
            checkName(
                    violations,
                    "/outputPorts/" + i + "/name",
                    document.parsed().tree().path("outputPorts").path(i).path("name"));
            checkVersion(violations, "/outputPorts/" + i + "/version", port.version());
            if (!portKeys.add(port.name() + "\u0000" + port.version())) {
                violations.add(new Violation(
                        "/outputPorts/" + i + "/name",
                        "Another output port is already named '" + port.name() + "' with version " + port.version()
                                + "; name and version together must be unique."));
            }
        }

        List<InputPort> inputs = document.inputPorts();
        for (int i = 0; i < inputs.size(); i++) {
            checkName(
                    violations,
                    "/inputPorts/" + i + "/name",
                    document.parsed().tree().path("inputPorts").path(i).path("name"));
            checkVersion(
                    violations, "/inputPorts/" + i + "/version", inputs.get(i).version());
        }

        ProductStatus status = status(document, violations);
        if (status != null && currentStatus != null && !currentStatus.mayBecome(status)) {
            violations.add(new Violation(
                    "/status",
                    "A product cannot go from " + currentStatus.value() + " to " + status.value() + ": "
                            + currentStatus.allowedNext() + "."));
        }
        if (status == ProductStatus.ACTIVE) {
            violations.addAll(missingForActive(document, contracts));
        }
        return violations;
    }

    static void checkName(List<Violation> violations, String pointer, JsonNode name) {
        String problem = name.isString() ? CatalogRules.nameLengthProblem(name.stringValue()) : null;
        if (problem != null) {
            violations.add(new Violation(pointer, problem));
        }
    }

    /** A version, when there is one, is a semantic version; a missing one is the schema's to refuse. */
    static void checkVersion(List<Violation> violations, String pointer, @Nullable String version) {
        if (version != null && !version.isEmpty() && !CatalogRules.isSemanticVersion(version)) {
            violations.add(new Violation(pointer, CatalogRules.versionProblem(version)));
        }
    }

    private static @Nullable ProductStatus status(ProductDocument document, List<Violation> violations) {
        String value = document.statusValue();
        if (value == null) {
            violations.add(new Violation("/status", "A data product needs a status."));
            return null;
        }
        try {
            return ProductStatus.fromValue(value);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(
                    "/status", "Unknown status '" + value + "': use proposed, draft, active, deprecated or retired."));
            return null;
        }
    }

    /** What an active product must have; also what Publish lists when it is refused. */
    static List<Violation> missingForActive(
            ProductDocument document, Function<String, Optional<DataContract>> contracts) {
        List<Violation> missing = new ArrayList<>();
        if (document.purpose() == null) {
            missing.add(new Violation("/description/purpose", "An active product needs a purpose."));
        }
        List<OutputPort> outputs = document.outputPorts();
        boolean anyWithContract = false;
        for (int i = 0; i < outputs.size(); i++) {
            String contractId = outputs.get(i).contractId();
            if (contractId == null) {
                continue;
            }
            anyWithContract = true;
            Optional<DataContract> contract = contracts.apply(contractId);
            if (contract.isEmpty()) {
                missing.add(new Violation(
                        "/outputPorts/" + i + "/contractId",
                        "Contract '" + contractId + "' is not in the catalog: publish it before the product goes"
                                + " active."));
            } else if (contract.get().slaProperties().stream()
                    .noneMatch(p -> SERVICE_LEVELS.contains(p.property().toLowerCase(Locale.ROOT)))) {
                missing.add(new Violation(
                        "/outputPorts/" + i + "/contractId",
                        "Contract '" + contractId + "' promises no service level: it needs an SLA property"
                                + " availability or latency (freshness)."));
            }
        }
        if (!anyWithContract) {
            missing.add(new Violation(
                    "/outputPorts", "An active product needs at least one output port with a data contract."));
        }
        return missing;
    }
}
