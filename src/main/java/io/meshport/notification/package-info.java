/**
 * Notifications: what the owning teams of the mesh should know about (an upstream product
 * deprecated, an SLA breached, a review due), stored per team, read state per user.
 * {@link io.meshport.notification.NotificationService} is the only way in.
 */
@NullMarked
package io.meshport.notification;

import org.jspecify.annotations.NullMarked;
