/** The observed-lineage views: datasets pipelines name that the catalog does not hold. */
@NullMarked
package io.meshport.openlineage.ui;

import org.jspecify.annotations.NullMarked;
