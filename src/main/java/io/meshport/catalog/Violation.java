package io.meshport.catalog;

/**
 * One thing wrong with a document.
 *
 * @param pointer where, as a JSON Pointer (RFC 6901) into the document; empty for the whole
 * @param message what is wrong, in words a publisher understands
 */
public record Violation(String pointer, String message) {}
