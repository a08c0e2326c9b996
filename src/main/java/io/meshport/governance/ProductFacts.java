package io.meshport.governance;

import io.meshport.catalog.ProductStatus;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * All a policy's rule sees of one product, and what its scope is matched against.
 *
 * @param variables the rule's variables by name ({@code product}, {@code contracts}, {@code
 *     fields}, {@code lineage}, {@code sla}, {@code review}, {@code agreements}, {@code now},
 *     {@code today}), as CEL values (maps, lists, strings, longs, doubles, booleans, null)
 */
public record ProductFacts(
        String id,
        String name,
        @Nullable String domain,
        String ownerTeam,
        ProductStatus status,
        List<String> tags,
        List<String> portTypes,
        Map<String, Object> variables) {}
