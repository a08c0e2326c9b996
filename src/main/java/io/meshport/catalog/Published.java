package io.meshport.catalog;

/**
 * The outcome of a publish.
 *
 * @param revision the new revision, which is also the entity tag of the document
 * @param created whether the document is new (201) rather than a replacement (200)
 */
public record Published(String id, long revision, boolean created) {}
