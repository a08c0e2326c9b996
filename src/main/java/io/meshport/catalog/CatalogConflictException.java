package io.meshport.catalog;

/**
 * The request conflicts with the catalog's current state: someone else saved a newer version, or
 * a delete would strand downstream products. Maps to 409.
 */
public class CatalogConflictException extends RuntimeException {

    public CatalogConflictException(String message) {
        super(message);
    }
}
