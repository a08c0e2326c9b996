/**
 * The REST API of access requests and data usage agreements: consumers ask, providers decide, the
 * providing team's pipeline reports provisioning. Every call goes through {@link
 * io.meshport.access.AccessService}, which checks who may do what.
 */
@NullMarked
package io.meshport.access.api;

import org.jspecify.annotations.NullMarked;
