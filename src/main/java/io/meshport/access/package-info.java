/**
 * Access: consumers ask for an output port of a product, the providing team (or governance) decides,
 * and the providing team's pipeline reports whether the access was really granted. An approved
 * request is a data usage agreement: one consumer and one port, pinned to a contract version.
 * {@link io.meshport.access.AccessService} is the only way in; other modules read agreements
 * through {@link io.meshport.access.AgreementReadModel} and learn of changes by {@link
 * io.meshport.access.AccessEvent} (docs/decisions/0021-access-agreements.md).
 */
@ApplicationModule(allowedDependencies = {"catalog", "identity", "system"})
@NullMarked
package io.meshport.access;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
