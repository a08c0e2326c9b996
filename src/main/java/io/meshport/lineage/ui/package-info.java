/** The lineage views: the interactive graph and its table alternative. */
@NullMarked
package io.meshport.lineage.ui;

import org.jspecify.annotations.NullMarked;
