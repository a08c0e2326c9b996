/**
 * Search: the whole of it. What of a product is indexed and how ({@link
 * io.meshport.search.ProductIndexMapping}, {@link io.meshport.search.SearchAnalysis}), the queries
 * with their ranking, typos, snippets and paging ({@link io.meshport.search.CatalogSearch}, the
 * only way in), the Explore page and the search API, and the index's upkeep: the database is the
 * source of truth, and this module keeps the index in step with it and says when search is usable.
 */
@NullMarked
package io.meshport.search;

import org.jspecify.annotations.NullMarked;
