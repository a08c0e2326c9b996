package io.meshport.catalog;

import java.net.URLDecoder;
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

    /**
     * The id a path segment names: Vaadin hands route parameters over as they stand in the URL,
     * so a non-ASCII id arrives percent-encoded. A segment that is no valid encoding stays as it is.
     */
    public static String idOf(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
