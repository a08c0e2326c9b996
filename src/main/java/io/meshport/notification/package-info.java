/**
 * Notifications: what the owning teams of the mesh should know about (an upstream product
 * deprecated, an SLA breached, a review due), stored per team, read state per user.
 * {@link io.meshport.notification.NotificationService} is the only way in.
 *
 * <p>Its dependencies are listed here, so the module test fails when one is added unseen (product
 * names and teams from catalog, direct consumers from lineage, and access's, governance's, sla's and review's events;
 * docs/decisions/0018-module-data-ownership.md).
 */
@ApplicationModule(allowedDependencies = {"access", "catalog", "governance", "identity", "lineage", "review", "sla"})
@NullMarked
package io.meshport.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
