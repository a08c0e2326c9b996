/**
 * A team's settings: its API keys, on a page ({@code /teams/{team}}) and in the REST API ({@code
 * /api/v1/api-keys}). The keys themselves, who may manage them and how they authenticate are
 * identity's ({@link io.meshport.identity.ApiKeyService}); this module is their two faces. It
 * reads request bodies with {@link io.meshport.catalog.JsonBody}, which identity cannot use
 * (catalog depends on identity). See docs/decisions/0028-api-keys.md.
 */
@ApplicationModule(allowedDependencies = {"catalog", "identity", "system"})
@NullMarked
package io.meshport.teams;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
