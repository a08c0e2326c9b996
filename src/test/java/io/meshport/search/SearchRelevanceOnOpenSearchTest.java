package io.meshport.search;

import io.meshport.testing.MeshportTestOnOpenSearch;

/** {@link SearchRelevanceTest}'s tests, on the portal whose search runs on OpenSearch. */
@MeshportTestOnOpenSearch
class SearchRelevanceOnOpenSearchTest extends SearchRelevanceTest {}
