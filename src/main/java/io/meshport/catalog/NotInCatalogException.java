package io.meshport.catalog;

import io.meshport.system.ClientProblem;

/** No data product or contract has the id asked for. Maps to 404. */
public class NotInCatalogException extends RuntimeException implements ClientProblem {

    public NotInCatalogException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String problemType() {
        return "not-found";
    }

    @Override
    public String title() {
        return "Not in the catalog";
    }
}
