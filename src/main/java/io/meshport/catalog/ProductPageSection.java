package io.meshport.catalog;

import com.vaadin.flow.component.Component;
import org.jspecify.annotations.Nullable;

/**
 * A tab that another feature adds to a product's page (lineage, for one), before History. The
 * feature registers a Spring bean; the catalog shows it without depending on that feature, so
 * features that build on the catalog do not form a cycle with it.
 */
public interface ProductPageSection {

    /** The tab's label. */
    String title();

    /**
     * The tab's content for one product; built when the tab is first opened (a page that opens on
     * another tab never asks), so that what it costs is paid only by those who look at it.
     */
    Component content(String productId, String productName);

    /**
     * A few words the page's header shows for this tab, leading to it (the trust score, say);
     * null for none. Asked whenever the page opens, so it must cost one quick look-up at most.
     */
    default @Nullable String headline(String productId) {
        return null;
    }
}
