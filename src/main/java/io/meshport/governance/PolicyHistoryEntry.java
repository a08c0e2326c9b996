package io.meshport.governance;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One change of a policy: who, when and what.
 *
 * @param action {@code created}, {@code changed}, {@code enabled}, {@code disabled}, {@code
 *     enforced}, {@code relaxed} or {@code retired}
 * @param before the definition before (null for a new policy), as the API shows it
 */
public record PolicyHistoryEntry(
        long revision,
        String action,
        String summary,
        String actor,
        Instant at,
        @Nullable Map<String, Object> before,
        Map<String, Object> after) {}
