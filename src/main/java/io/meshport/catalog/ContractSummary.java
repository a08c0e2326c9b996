package io.meshport.catalog;

import org.jspecify.annotations.Nullable;

/**
 * What the list of contracts shows of each.
 *
 * @param providers how many products offer it through an output port
 * @param readers how many products declare an input that reads it
 */
public record ContractSummary(
        String id,
        @Nullable String name,
        String version,
        String status,
        String ownerTeam,
        int providers,
        int readers) {}
