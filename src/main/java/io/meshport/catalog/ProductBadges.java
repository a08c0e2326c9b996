package io.meshport.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Short marks another feature puts on products in result lists (Explore), such as "Review
 * overdue". The feature registers a Spring bean; the catalog shows the marks without depending on
 * it. Asked once per page of results, so an implementation answers a page in one look-up.
 */
public interface ProductBadges {

    /** The marks of each of the given products that has any. */
    Map<String, List<String>> badges(Collection<String> productIds);
}
