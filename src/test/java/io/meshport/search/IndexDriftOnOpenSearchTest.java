package io.meshport.search;

import io.meshport.testing.MeshportTestOnOpenSearch;

/** {@link IndexDriftTest}'s tests, on the portal whose search runs on OpenSearch. */
@MeshportTestOnOpenSearch
class IndexDriftOnOpenSearchTest extends IndexDriftTest {}
