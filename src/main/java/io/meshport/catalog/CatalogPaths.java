package io.meshport.catalog;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where the portal shows a product or a contract, as paths relative to its root: pages of other features link
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

    /** The list of all data contracts, {@code contracts}. */
    public static String contracts() {
        return "contracts";
    }

    /** The data contract's page, {@code contracts/{id}}. */
    public static String contract(String id) {
        return "contracts/" + segment(id);
    }

    /** The form that edits the data contract, {@code contracts/{id}/edit}. */
    public static String editContract(String id) {
        return contract(id) + "/edit";
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
