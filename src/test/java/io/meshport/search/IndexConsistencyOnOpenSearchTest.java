package io.meshport.search;

import io.meshport.testing.MeshportTestOnOpenSearch;

/** {@link IndexConsistencyTest}'s tests, on the portal whose search runs on OpenSearch. */
@MeshportTestOnOpenSearch
class IndexConsistencyOnOpenSearchTest extends IndexConsistencyTest {}
