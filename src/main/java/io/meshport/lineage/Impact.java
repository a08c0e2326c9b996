package io.meshport.lineage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.meshport.catalog.ProductStatus;
import io.meshport.lineage.LineageGraph.EdgeKind;
import io.meshport.lineage.LineageGraph.NodeKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Who is hurt if a product (or one of its output ports) breaks: every product downstream of it,
 * transitively, nearest first, each with its distance, owning team, status and one shortest path
 * from the product to it, and every approved agreement on a port of the product or of a product
 * downstream, with its consumer (a team, and its product if it named one). {@code truncated} says
 * the list stopped at the cap.
 *
 * @param outputPort the output port asked about, as asked; null for the whole product
 * @param provenance which consumers were followed: {@code all} (declared ones and those observed
 *     in pipeline runs, the default), {@code declared} or {@code observed}
 */
public record Impact(
        String root,
        @Nullable String outputPort,
        List<ImpactedProduct> products,
        List<AgreementConsumer> agreements,
        boolean truncated,
        ProvenanceFilter provenance) {

    public Impact {
        products = List.copyOf(products);
        agreements = List.copyOf(agreements);
    }

    /** Following declared and observed consumers. */
    public Impact(
            String root,
            @Nullable String outputPort,
            List<ImpactedProduct> products,
            List<AgreementConsumer> agreements,
            boolean truncated) {
        this(root, outputPort, products, agreements, truncated, ProvenanceFilter.ALL);
    }

    /** Without agreements. */
    public Impact(String root, @Nullable String outputPort, List<ImpactedProduct> products, boolean truncated) {
        this(root, outputPort, products, List.of(), truncated);
    }

    /** Whether consumers observed in pipeline runs are among those listed. */
    @JsonProperty("includesObserved")
    public boolean includesObserved() {
        return provenance.observed();
    }

    /**
     * A product downstream.
     *
     * @param depth hops from the root (1 = consumes it directly)
     * @param path product ids from the root to this product, both included
     * @param via how the last hop of that path reaches it: a declared input, an approved
     *     agreement (then {@code agreementId} names it), or observed (a pipeline run read the
     *     upstream product's port to write it; no document declares it)
     */
    public record ImpactedProduct(
            String id,
            String name,
            @Nullable String domain,
            String team,
            ProductStatus status,
            int depth,
            List<String> path,
            EdgeKind via,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            String agreementId) {

        public ImpactedProduct {
            path = List.copyOf(path);
        }

        /** Reached through declared inputs. */
        public ImpactedProduct(
                String id,
                String name,
                @Nullable String domain,
                String team,
                ProductStatus status,
                int depth,
                List<String> path) {
            this(id, name, domain, team, status, depth, path, EdgeKind.DECLARED, null);
        }
    }

    /**
     * An approved agreement on an output port of {@code product} (the root or a product
     * downstream).
     *
     * @param consumerProduct the consumer team's product that reads the port; null when the team
     *     reads it directly
     * @param provisioning whether the provider reported the access as {@code pending}, {@code
     *     granted} or {@code failed}
     * @param depth hops from the root to the consumer
     * @param path from the root to the provider, then the consumer ({@code consumerProduct}, or
     *     {@code team:<consumerTeam>})
     */
    public record AgreementConsumer(
            String agreementId,
            String product,
            String outputPort,
            String outputPortVersion,
            @Nullable String contractId,
            @Nullable String contractVersion,
            String consumerTeam,
            @Nullable String consumerProduct,
            @Nullable String provisioning,
            int depth,
            List<String> path) {

        public AgreementConsumer {
            path = List.copyOf(path);
        }

        /** {@code name@version}. */
        public String port() {
            return outputPort + "@" + outputPortVersion;
        }
    }

    /**
     * One line of "who is hurt", as the Impact tab, the CSV and the catalog's impact confirmation
     * list them: a product downstream, or a consumer team that reads a port through an agreement
     * without naming one of its products ({@code kind} team, id {@code team:<name>}, no domain or
     * status). {@code port}, {@code contractVersion} and {@code provisioning} are the agreement's,
     * for lines that come from one.
     */
    public record Line(
            String id,
            NodeKind kind,
            String name,
            @Nullable String domain,
            String team,
            @Nullable ProductStatus status,
            int depth,
            List<String> path,
            EdgeKind via,
            @Nullable String agreementId,
            @Nullable String port,
            @Nullable String contractVersion,
            @Nullable String provisioning) {

        /** "declared input", "agreement" or "observed in runs", as people read it. */
        public String viaText() {
            return switch (via) {
                case AGREEMENT -> "agreement";
                case OBSERVED -> "observed in runs";
                case DECLARED -> "declared input";
            };
        }
    }

    /** The products, then the teams reading through agreements, nearest first. */
    public List<Line> lines() {
        Map<String, AgreementConsumer> byId = agreements.stream()
                .collect(Collectors.toMap(AgreementConsumer::agreementId, Function.identity(), (a, b) -> a));
        List<Line> lines = new ArrayList<>(products.size());
        for (ImpactedProduct product : products) {
            AgreementConsumer agreement = product.agreementId() == null ? null : byId.get(product.agreementId());
            lines.add(new Line(
                    product.id(),
                    NodeKind.PRODUCT,
                    product.name(),
                    product.domain(),
                    product.team(),
                    product.status(),
                    product.depth(),
                    product.path(),
                    product.via(),
                    product.agreementId(),
                    agreement == null ? null : agreement.port(),
                    agreement == null ? null : agreement.contractVersion(),
                    agreement == null ? null : agreement.provisioning()));
        }
        for (AgreementConsumer agreement : agreements) {
            if (agreement.consumerProduct() == null) {
                lines.add(new Line(
                        LineageGraph.teamNodeId(agreement.consumerTeam()),
                        NodeKind.TEAM,
                        agreement.consumerTeam(),
                        null,
                        agreement.consumerTeam(),
                        null,
                        agreement.depth(),
                        agreement.path(),
                        EdgeKind.AGREEMENT,
                        agreement.agreementId(),
                        agreement.port(),
                        agreement.contractVersion(),
                        agreement.provisioning()));
            }
        }
        lines.sort(Comparator.comparingInt(Line::depth)); // stable: products first at equal depth
        return lines;
    }

    /** Media type of {@link #csv()}. */
    public static final String CSV_MEDIA_TYPE = "text/csv";

    /**
     * As CSV (RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, a
     * quote or a line break), one row per {@linkplain #lines() line}: id, name, domain, team,
     * status, depth, path (ids joined by " > "), via ("declared input", "agreement" or "observed in
     * runs"), and for
     * lines from an agreement its id, port ({@code name@version}), contract version and
     * provisioning state.
     */
    public String csv() {
        StringBuilder csv = new StringBuilder();
        Csv.row(
                csv,
                List.of(
                        "id",
                        "name",
                        "domain",
                        "team",
                        "status",
                        "depth",
                        "path",
                        "via",
                        "agreement",
                        "port",
                        "contractVersion",
                        "provisioning"));
        for (Line line : lines()) {
            Csv.row(
                    csv,
                    List.of(
                            line.id(),
                            line.name(),
                            text(line.domain()),
                            line.team(),
                            line.status() == null ? "" : line.status().value(),
                            Integer.toString(line.depth()),
                            String.join(" > ", line.path()),
                            line.viaText(),
                            text(line.agreementId()),
                            text(line.port()),
                            text(line.contractVersion()),
                            text(line.provisioning())));
        }
        return csv.toString();
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
