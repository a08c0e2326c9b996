package io.meshport.search;

import io.meshport.testing.MeshportTestOnOpenSearch;

/** {@link PartialMatchTest}'s tests, on the portal whose search runs on OpenSearch. */
@MeshportTestOnOpenSearch
class PartialMatchOnOpenSearchTest extends PartialMatchTest {}
