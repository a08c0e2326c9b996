package io.meshport.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a member asks for: a key named {@code name} acting for {@code team}.
 *
 * @param expiresAt when the key stops working; null for a key that does not expire
 */
public record NewApiKey(String name, String team, @Nullable Instant expiresAt) {}
