/** The Team settings page: a team's API keys, created, shown once and revoked through {@link io.meshport.identity.ApiKeyService}. */
@NullMarked
package io.meshport.teams.ui;

import org.jspecify.annotations.NullMarked;
