/**
 * Lineage: how data products derive from each other, as their ports and contracts declare it.
 * {@link io.meshport.lineage.LineageService} is the only way in.
 */
@NullMarked
package io.meshport.lineage;

import org.jspecify.annotations.NullMarked;
