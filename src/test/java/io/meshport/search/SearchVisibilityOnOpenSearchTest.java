package io.meshport.search;

import io.meshport.testing.MeshportTestOnOpenSearch;

/** {@link SearchVisibilityTest}'s tests, on the portal whose search runs on OpenSearch. */
@MeshportTestOnOpenSearch
class SearchVisibilityOnOpenSearchTest extends SearchVisibilityTest {}
