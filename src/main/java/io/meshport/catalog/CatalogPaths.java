package io.meshport.catalog;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where the portal shows a product, as paths relative to its root: pages of other features link
 * to catalog's pages (and catalog to theirs) by path, not by view class, so that no feature
 * reaches into another's views.
 */
public final class CatalogPaths {

    private CatalogPaths() {}

    /** The product's page, {@code products/{id}}. */
    public static String product(String id) {
        return "products/" + segment(id);
    }

    /** The form that edits the product, {@code products/{id}/edit}. */
    public static String editProduct(String id) {
        return product(id) + "/edit";
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
