package io.meshport.governance;

import io.meshport.catalog.CatalogPaths;
import io.meshport.catalog.ProductBadges;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Marks products that violate an enabled policy wherever the catalog lists products (Explore, My
 * products): "Violates 2 policies", leading to the product page's Policies tab. One query for a
 * page of products; results exist only for enabled policies (disabling or retiring one removes
 * its results), and a product excused by an exemption passes.
 */
@Component
class PolicyBadges implements ProductBadges {

    private final ResultStore results;

    PolicyBadges(ResultStore results) {
        this.results = results;
    }

    @Override
    public Map<String, List<String>> badges(Collection<String> productIds) {
        Map<String, List<String>> badges = new LinkedHashMap<>();
        marks(productIds)
                .forEach((id, marks) ->
                        badges.put(id, marks.stream().map(Mark::text).toList()));
        return badges;
    }

    @Override
    public Map<String, List<Mark>> marks(Collection<String> productIds) {
        Map<String, List<Mark>> marks = new LinkedHashMap<>();
        results.of(productIds).forEach((id, list) -> {
            long violated = list.stream().filter(ResultStore.Result::violated).count();
            if (violated > 0) {
                marks.put(id, List.of(new Mark(text(violated), CatalogPaths.product(id) + "?tab=policies")));
            }
        });
        return marks;
    }

    static String text(long violated) {
        return "Violates " + violated + (violated == 1 ? " policy" : " policies");
    }
}
