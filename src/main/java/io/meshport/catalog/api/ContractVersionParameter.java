package io.meshport.catalog.api;

import io.meshport.catalog.CatalogRules;
import io.meshport.catalog.InvalidDocumentException;
import java.util.List;

/** The {@code version} query parameter of a contract: one semantic version, or a 400 saying why not. */
final class ContractVersionParameter {

    private ContractVersionParameter() {}

    static String single(List<String> values) {
        if (values.size() != 1) {
            throw refused("Give one version, not " + values.size() + ".");
        }
        String value = values.getFirst();
        if (value.isBlank()) {
            throw refused("The version is empty: leave the parameter out for the current version.");
        }
        String problem = CatalogRules.versionProblem(value.strip());
        if (problem != null) {
            throw refused(problem);
        }
        return value.strip();
    }

    private static InvalidDocumentException refused(String message) {
        return new InvalidDocumentException("Invalid version parameter", "/version", message);
    }
}
