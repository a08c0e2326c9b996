/**
 * {@code /api/v1/api-keys}: create (the secret answered once), list, read and revoke a team's API
 * keys, through {@link io.meshport.identity.ApiKeyService}, which checks who may do what.
 */
@NullMarked
package io.meshport.teams.api;

import org.jspecify.annotations.NullMarked;
