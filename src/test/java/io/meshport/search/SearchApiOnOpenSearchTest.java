package io.meshport.search;

import io.meshport.testing.MeshportTestOnOpenSearch;

/** {@link SearchApiTest}'s tests, on the portal whose search runs on OpenSearch. */
@MeshportTestOnOpenSearch
class SearchApiOnOpenSearchTest extends SearchApiTest {}
