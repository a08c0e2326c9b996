/**
 * Who the caller is: OpenID Connect login for people, JWT bearer tokens for automation, both
 * mapped the same way onto an {@link io.meshport.identity.Identity} with its teams (the groups of
 * the identity provider). Other features ask {@link io.meshport.identity.CurrentIdentity}; they
 * never read Spring Security's context themselves.
 */
@NullMarked
package io.meshport.identity;

import org.jspecify.annotations.NullMarked;
