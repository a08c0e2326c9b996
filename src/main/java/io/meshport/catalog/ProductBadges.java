package io.meshport.catalog;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Short marks another feature puts on products in result lists (Explore, My products), such as
 * "Review overdue" or "Violates 2 policies": each says that something needs the owners'
 * attention. The feature registers a Spring bean; the catalog shows the marks without depending
 * on it. Asked once per page of results, so an implementation answers a page in one look-up.
 */
public interface ProductBadges {

    /** The marks of each of the given products that has any. */
    Map<String, List<String>> badges(Collection<String> productIds);

    /**
     * A mark and the page that explains it, where there is one.
     *
     * @param link a portal path, e.g. {@code products/orders?tab=policies}; null for none
     */
    record Mark(String text, @Nullable String link) {}

    /**
     * The marks of each of the given products that has any, each with the page that explains it;
     * by default the {@link #badges} without a link.
     */
    default Map<String, List<Mark>> marks(Collection<String> productIds) {
        Map<String, List<Mark>> marks = new LinkedHashMap<>();
        badges(productIds)
                .forEach((id, texts) -> marks.put(
                        id, texts.stream().map(text -> new Mark(text, null)).toList()));
        return marks;
    }
}
