package io.meshport.lineage;

import io.meshport.catalog.ProductStatus;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Who is hurt if a product (or one of its output ports) breaks: every product downstream of it,
 * transitively, nearest first, each with its distance, owning team, status and one shortest path
 * from the product to it. {@code truncated} says the list stopped at the cap.
 *
 * @param outputPort the output port asked about, as asked; null for the whole product
 */
public record Impact(String root, @Nullable String outputPort, List<ImpactedProduct> products, boolean truncated) {

    public Impact {
        products = List.copyOf(products);
    }

    /**
     * A product downstream.
     *
     * @param depth hops from the root (1 = consumes it directly)
     * @param path product ids from the root to this product, both included
     */
    public record ImpactedProduct(
            String id,
            String name,
            @Nullable String domain,
            String team,
            ProductStatus status,
            int depth,
            List<String> path) {

        public ImpactedProduct {
            path = List.copyOf(path);
        }
    }

    /** Media type of {@link #csv()}. */
    public static final String CSV_MEDIA_TYPE = "text/csv";

    /**
     * As CSV (RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, a
     * quote or a line break): id, name, domain, team, status, depth, path (ids joined by " > ").
     */
    public String csv() {
        StringBuilder csv = new StringBuilder();
        Csv.row(csv, List.of("id", "name", "domain", "team", "status", "depth", "path"));
        for (ImpactedProduct product : products) {
            Csv.row(
                    csv,
                    List.of(
                            product.id(),
                            product.name(),
                            product.domain() == null ? "" : product.domain(),
                            product.team(),
                            product.status().value(),
                            Integer.toString(product.depth()),
                            String.join(" > ", product.path())));
        }
        return csv.toString();
    }
}
