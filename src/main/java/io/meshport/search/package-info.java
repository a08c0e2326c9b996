/**
 * Full-text search over the catalog (Hibernate Search, Lucene). The database is the source of
 * truth; this module keeps the index in step with it and says when search is usable.
 */
@NullMarked
package io.meshport.search;

import org.jspecify.annotations.NullMarked;
