package io.meshport.search;

import io.meshport.testing.MeshportTestOnOpenSearch;

/** {@link SearchPagingTest}'s tests, on the portal whose search runs on OpenSearch. */
@MeshportTestOnOpenSearch
class SearchPagingOnOpenSearchTest extends SearchPagingTest {}
