package io.meshport.catalog;

/**
 * Published inside every transaction that writes products or contracts, before the write is
 * known to succeed: listeners that keep something derived from the whole catalog (search's
 * remembered result pages) react after commit ({@code @TransactionalEventListener}).
 */
public record CatalogWritten() {}
