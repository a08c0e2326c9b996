package io.meshport.lineage;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import io.meshport.catalog.ProductStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A product's lineage neighbourhood: the products reached within the requested depth, the edges
 * between them ({@code from} is upstream of {@code to}), and the input contracts no product in the
 * catalog provides yet. {@code truncated} says the walk stopped at the node cap.
 *
 * <p>Edges are declared (an input port names a contract an output port provides) or come from an
 * approved data usage agreement on an output port; an agreement whose consumer named none of its
 * products ends at a {@linkplain NodeKind#TEAM team} node, a leaf (docs/decisions/0025). An edge
 * between two products over a contract may also be observed: a pipeline run read a port of {@code
 * from} and wrote one of {@code to}. Each edge says which ({@link Provenance}); an edge both
 * declared and observed is one edge (docs/decisions/0031-observed-lineage.md).
 */
public record LineageGraph(
        String root, List<Node> nodes, List<Edge> edges, List<UnresolvedInput> unresolved, boolean truncated) {

    /** What a node stands for. */
    public enum NodeKind {
        PRODUCT,
        /** A consumer team that reads a port through an agreement, without naming one of its products. */
        TEAM;

        @JsonValue
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where an edge comes from. */
    public enum EdgeKind {
        /** The products' documents: an input port (or {@code inputContracts}) names a provided contract. */
        DECLARED,
        /** An approved data usage agreement on an output port of {@code from}. */
        AGREEMENT,
        /** Only seen in pipeline runs (OpenLineage): no document declares it. */
        OBSERVED;

        @JsonValue
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Whether an edge is declared (a document, or an approved agreement, says so), observed (a
     * pipeline run read {@code from}'s port and wrote {@code to}) or both.
     */
    public enum Provenance {
        DECLARED,
        OBSERVED,
        BOTH;

        @JsonValue
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean declared() {
            return this != OBSERVED;
        }

        public boolean observed() {
            return this != DECLARED;
        }

        static Provenance of(boolean declared, boolean observed) {
            return declared && observed ? BOTH : observed ? OBSERVED : DECLARED;
        }

        /** Both ways seen: what two sightings of one edge make together. */
        public Provenance and(Provenance other) {
            return of(declared() || other.declared(), observed() || other.observed());
        }
    }

    /** The id of the node that stands for a consumer team, {@code team:<name>}. */
    public static String teamNodeId(String team) {
        return "team:" + team;
    }

    /**
     * A product (or a consumer team) in the graph; {@code depth} is its distance from the root
     * (upstream negative). A team node's name and team are the team's name; it has no domain and
     * no status.
     */
    public record Node(
            String id,
            NodeKind kind,
            String name,
            @Nullable String domain,
            String team,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            ProductStatus status,

            int depth) {

        /** A product node. */
        public Node(String id, String name, @Nullable String domain, String team, ProductStatus status, int depth) {
            this(id, NodeKind.PRODUCT, name, domain, team, status, depth);
        }

        /** The node of a consumer team reading through an agreement. */
        public static Node team(String team, int depth) {
            return new Node(teamNodeId(team), NodeKind.TEAM, team, null, team, null, depth);
        }

        @JsonIgnore
        public boolean isTeam() {
            return kind == NodeKind.TEAM;
        }

        /** The same node at another depth. */
        public Node at(int depth) {
            return new Node(id, kind, name, domain, team, status, depth);
        }
    }

    /**
     * {@code from} provides what {@code to} consumes: the contract {@code to} declares as an input,
     * or the output port an approved agreement gives {@code to}. For an agreement edge {@code
     * contractId} is the port's contract (null when the port offers none) and the other fields
     * say which agreement, on which port, for which contract version, and whether the access was
     * reported as granted yet ({@code pending}, {@code granted}, {@code failed}).
     */
    public record Edge(
            String from,
            String to,
            @Nullable String contractId,
            EdgeKind kind,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            String agreementId,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            String outputPort,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            String outputPortVersion,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            String contractVersion,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            String provisioning,

            Provenance provenance,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            Instant lastObservedAt) {

        /** A declared edge. */
        public Edge(String from, String to, String contractId) {
            this(from, to, contractId, EdgeKind.DECLARED, null, null, null, null, null, Provenance.DECLARED, null);
        }

        /** An edge between two products over a contract (null: the port offers none), as seen. */
        public static Edge between(
                String from,
                String to,
                @Nullable String contractId,
                Provenance provenance,
                @Nullable Instant lastObservedAt) {
            return new Edge(
                    from,
                    to,
                    contractId,
                    provenance == Provenance.OBSERVED ? EdgeKind.OBSERVED : EdgeKind.DECLARED,
                    null,
                    null,
                    null,
                    null,
                    null,
                    provenance,
                    lastObservedAt);
        }

        /** An edge of an approved agreement, declared by nature. */
        public Edge(
                String from,
                String to,
                @Nullable String contractId,
                EdgeKind kind,
                @Nullable String agreementId,
                @Nullable String outputPort,
                @Nullable String outputPortVersion,
                @Nullable String contractVersion,
                @Nullable String provisioning) {
            this(
                    from,
                    to,
                    contractId,
                    kind,
                    agreementId,
                    outputPort,
                    outputPortVersion,
                    contractVersion,
                    provisioning,
                    Provenance.DECLARED,
                    null);
        }

        @JsonIgnore
        public boolean isAgreement() {
            return kind == EdgeKind.AGREEMENT;
        }
    }

    /** An input of {@code product} naming a contract that no output port in the catalog offers. */
    public record UnresolvedInput(String product, String contractId) {}
}
