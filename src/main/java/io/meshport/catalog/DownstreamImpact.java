package io.meshport.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who is hurt when a product changes: the products that consume it, directly or through others,
 * and the teams that read it through approved agreements.
 * The lineage feature answers; the catalog asks before an owner deprecates, retires or changes
 * what a port offers, without depending on lineage (which builds on the catalog).
 */
public interface DownstreamImpact {

    /**
     * Every product downstream of {@code productId} through the given contracts it provides, or
     * through any of its output ports when {@code contractIds} is empty.
     */
    Report of(String productId, Set<String> contractIds);

    /**
     * The affected products and agreement consumers, nearest first, and the same as CSV for
     * people to take along.
     */
    record Report(List<Affected> products, boolean truncated, String csv) {
        public boolean isEmpty() {
            return products.isEmpty();
        }
    }

    /**
     * One affected product, or a team that reads a port through an approved data usage agreement
     * without naming one of its products (then {@code id} is {@code team:<name>}, {@code name} and
     * {@code team} the team's name, and {@code status} null); {@code path} runs from the changed
     * product to it.
     *
     * @param agreementId the agreement that makes it a consumer (the last hop of the path); null
     *     when it declares the input in its own document
     * @param outputPort the port that agreement is for, {@code name@version}; null without one
     */
    record Affected(
            String id,
            String name,
            String team,
            @Nullable ProductStatus status,
            int depth,
            List<String> path,
            @Nullable String agreementId,
            @Nullable String outputPort) {

        /** A product that declares the input. */
        public Affected(String id, String name, String team, ProductStatus status, int depth, List<String> path) {
            this(id, name, team, status, depth, path, null, null);
        }

        /** Whether this is a product (else a team reading through an agreement). */
        @JsonIgnore
        public boolean isProduct() {
            return status != null;
        }

        @JsonIgnore
        public boolean fromAgreement() {
            return agreementId != null;
        }
    }
}
