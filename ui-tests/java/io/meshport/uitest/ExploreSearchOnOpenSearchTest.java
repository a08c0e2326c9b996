package io.meshport.uitest;

import io.meshport.testing.MeshportTestOnOpenSearch;

/** {@link ExploreSearchTest}'s journeys, in a browser, on the portal whose search runs on OpenSearch. */
@MeshportTestOnOpenSearch
class ExploreSearchOnOpenSearchTest extends ExploreSearchTest {}
