/** Owner review: the products of my teams, their lineage health and their SLAs. */
@NullMarked
package io.meshport.review;

import org.jspecify.annotations.NullMarked;
