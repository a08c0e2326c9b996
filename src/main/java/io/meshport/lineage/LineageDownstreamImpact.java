package io.meshport.lineage;

import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DownstreamImpact;
import io.meshport.catalog.ProductDetails;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The catalog's question "who is hurt by this change?", answered from the lineage: the consumers
 * that declare an input or hold an approved agreement, not those only observed in pipeline runs.
 * The confirmation is about the promises a change breaks (contracts and agreements), and must not
 * come and go with the runs of the week; the Impact tab and API list observed consumers too
 * (docs/decisions/0031-observed-lineage.md).
 */
@Component
class LineageDownstreamImpact implements DownstreamImpact {

    private final LineageService lineage;
    private final CatalogService catalog;

    LineageDownstreamImpact(LineageService lineage, CatalogService catalog) {
        this.lineage = lineage;
        this.catalog = catalog;
    }

    @Override
    public Report of(String productId, Set<String> contractIds) {
        List<Impact> impacts = new ArrayList<>();
        if (contractIds.isEmpty()) {
            impacts.add(lineage.impact(productId, null, LineageService.MAX_IMPACTED, true, ProvenanceFilter.DECLARED));
        } else {
            for (ProductDetails.OutputPortView port :
                    catalog.details(productId).map(ProductDetails::outputPorts).orElse(List.of())) {
                if (port.contractId() != null && contractIds.contains(port.contractId())) {
                    impacts.add(lineage.impact(
                            productId,
                            port.name() + "@" + port.version(),
                            LineageService.MAX_IMPACTED,
                            true,
                            ProvenanceFilter.DECLARED));
                }
            }
        }
        // Through several ports a product may be reached more than once: keep its nearest path.
        // Agreements are one per port, so each is listed once.
        Map<String, Impact.ImpactedProduct> nearest = new LinkedHashMap<>();
        Map<String, Impact.AgreementConsumer> agreements = new LinkedHashMap<>();
        boolean truncated = false;
        for (Impact impact : impacts) {
            truncated |= impact.truncated();
            for (Impact.ImpactedProduct product : impact.products()) {
                nearest.merge(product.id(), product, (a, b) -> a.depth() <= b.depth() ? a : b);
            }
            impact.agreements()
                    .forEach(agreement -> agreements.merge(
                            agreement.agreementId(), agreement, (a, b) -> a.depth() <= b.depth() ? a : b));
        }
        List<Impact.ImpactedProduct> products = nearest.values().stream()
                .sorted(Comparator.comparingInt(Impact.ImpactedProduct::depth)
                        .thenComparing(Impact.ImpactedProduct::id))
                .toList();
        List<Impact.AgreementConsumer> consumers = agreements.values().stream()
                .sorted(Comparator.comparingInt(Impact.AgreementConsumer::depth)
                        .thenComparing(Impact.AgreementConsumer::product)
                        .thenComparing(Impact.AgreementConsumer::consumerTeam)
                        .thenComparing(Impact.AgreementConsumer::agreementId))
                .toList();
        Impact merged = new Impact(productId, null, products, consumers, truncated, ProvenanceFilter.DECLARED);
        return new Report(
                merged.lines().stream()
                        .map(line -> new Affected(
                                line.id(),
                                line.name(),
                                line.team(),
                                line.status(),
                                line.depth(),
                                line.path(),
                                line.agreementId(),
                                line.port()))
                        .toList(),
                truncated,
                merged.csv());
    }
}
