package io.meshport.catalog;

/** A stored document rendered in the format asked for, with its revision (the entity tag). */
public record ExportedDocument(String id, String content, DocumentFormat format, long revision) {}
