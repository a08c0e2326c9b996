package io.meshport.search;

import io.meshport.testing.MeshportTestOnOpenSearch;

/** {@link QuestionsRelevanceTest}'s tests, on the portal whose search runs on OpenSearch. */
@MeshportTestOnOpenSearch
class QuestionsRelevanceOnOpenSearchTest extends QuestionsRelevanceTest {}
