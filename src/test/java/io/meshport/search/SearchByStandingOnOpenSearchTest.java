package io.meshport.search;

import io.meshport.testing.MeshportTestOnOpenSearch;

/** {@link SearchByStandingTest}'s tests, on the portal whose search runs on OpenSearch. */
@MeshportTestOnOpenSearch
class SearchByStandingOnOpenSearchTest extends SearchByStandingTest {}
