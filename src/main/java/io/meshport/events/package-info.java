/**
 * The platform's event feed: what infrastructure outside the portal (the pipelines that really
 * grant access, deploy or archive data) must act on, as CloudEvents 1.0, oldest first, paged by
 * the last event read. Each event is stored in the transaction of the change it announces, in
 * commit order ({@code PlatformEvents} records them from the access, catalog and governance
 * events; {@link io.meshport.events.EventFeed} is the only way to read them;
 * docs/decisions/0023-platform-events.md).
 */
@ApplicationModule(allowedDependencies = {"access", "catalog", "governance", "identity", "system"})
@NullMarked
package io.meshport.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
