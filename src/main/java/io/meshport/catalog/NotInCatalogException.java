package io.meshport.catalog;

/** No data product or contract has the id asked for. Maps to 404. */
public class NotInCatalogException extends RuntimeException {

    public NotInCatalogException(String message) {
        super(message);
    }
}
