package io.meshport.governance;

import java.util.List;

/**
 * Which products a policy is about. Each list narrows when it is not empty (a product must match
 * one of its values); empty lists narrow nothing, so the empty scope is every product.
 *
 * @param statuses ODPS status values ({@code active}, {@code draft}, ...)
 * @param portTypes output port types ({@code tables}, {@code api}, ...)
 */
public record PolicyScope(List<String> domains, List<String> statuses, List<String> tags, List<String> portTypes) {

    public static final PolicyScope ALL = new PolicyScope(List.of(), List.of(), List.of(), List.of());

    public PolicyScope {
        domains = List.copyOf(domains);
        statuses = List.copyOf(statuses);
        tags = List.copyOf(tags);
        portTypes = List.copyOf(portTypes);
    }

    /** Whether the product is in scope. */
    public boolean covers(ProductFacts product) {
        return (domains.isEmpty() || (product.domain() != null && domains.contains(product.domain())))
                && (statuses.isEmpty() || statuses.contains(product.status().value()))
                && (tags.isEmpty() || product.tags().stream().anyMatch(tags::contains))
                && (portTypes.isEmpty() || product.portTypes().stream().anyMatch(portTypes::contains));
    }

    public boolean isAll() {
        return domains.isEmpty() && statuses.isEmpty() && tags.isEmpty() && portTypes.isEmpty();
    }

    /** In words, for lists and history: "all products", or "domain sales; status active". */
    public String describe() {
        if (isAll()) {
            return "all products";
        }
        StringBuilder words = new StringBuilder();
        part(words, "domain", domains);
        part(words, "status", statuses);
        part(words, "tag", tags);
        part(words, "output port type", portTypes);
        return words.toString();
    }

    private static void part(StringBuilder words, String name, List<String> values) {
        if (!values.isEmpty()) {
            if (!words.isEmpty()) {
                words.append("; ");
            }
            words.append(name).append(' ').append(String.join(" or ", values));
        }
    }
}
