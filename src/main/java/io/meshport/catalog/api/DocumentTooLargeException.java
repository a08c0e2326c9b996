package io.meshport.catalog.api;

/** A request body over the configured limit. Maps to 413. */
class DocumentTooLargeException extends RuntimeException {

    DocumentTooLargeException(long limit) {
        super("The document is larger than " + limit + " bytes, the most the portal accepts.");
    }
}
