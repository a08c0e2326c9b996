package io.meshport.catalog;

import io.meshport.system.ClientProblem;

/**
 * The request conflicts with the catalog's current state: someone else saved a newer version, or
 * a delete would strand downstream products. Maps to 409.
 */
public class CatalogConflictException extends RuntimeException implements ClientProblem {

    public CatalogConflictException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String problemType() {
        return "conflict";
    }

    @Override
    public String title() {
        return "Conflict";
    }
}
