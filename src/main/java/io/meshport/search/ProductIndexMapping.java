package io.meshport.search;

import io.meshport.catalog.DataProduct;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmMappingConfigurationContext;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmSearchMappingConfigurer;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.TypeMappingStep;

/**
 * What of a data product is indexed, and how: the whole index mapping, kept here rather than as
 * annotations on catalog's entity, so that catalog knows nothing of search (docs/decisions/0015).
 * The fields are catalog's columns, read by name; {@link SearchIndex#MAPPING_VERSION} changes
 * with this mapping.
 */
public class ProductIndexMapping implements HibernateOrmSearchMappingConfigurer {

    /** The index's name within Hibernate Search (a cluster's index names add a prefix and a version). */
    static final String INDEX = "data_product";

    @Override
    public void configure(HibernateOrmMappingConfigurationContext context) {
        TypeMappingStep product = context.programmaticMapping().type(DataProduct.class);
        product.indexed().index(INDEX);
        product.property("id")
                .keywordField("id_exact")
                .normalizer(AnalysisDefinition.KEYWORD)
                .sortable(Sortable.YES)
                .fullTextField("id_text")
                .analyzer(AnalysisDefinition.NAME);
        product.property("name")
                .keywordField("name_exact")
                .normalizer(AnalysisDefinition.KEYWORD)
                .keywordField("name_joined")
                .normalizer(AnalysisDefinition.JOINED)
                .keywordField("name_sort")
                .normalizer(AnalysisDefinition.KEYWORD)
                .sortable(Sortable.YES)
                .projectable(Projectable.YES)
                .fullTextField("name")
                .analyzer(AnalysisDefinition.NAME)
                .projectable(Projectable.YES)
                .fullTextField("name_words")
                .analyzer(AnalysisDefinition.WORDS)
                .fullTextField("name_prefix")
                .analyzer(AnalysisDefinition.PREFIX)
                .searchAnalyzer(AnalysisDefinition.PREFIX_QUERY);
        product.property("status")
                .keywordField()
                .aggregable(Aggregable.YES)
                .projectable(Projectable.YES)
                .valueBridge(ProductStatusBridge.class);
        product.property("domain").keywordField().aggregable(Aggregable.YES).projectable(Projectable.YES);
        product.property("ownerTeam").keywordField().aggregable(Aggregable.YES).projectable(Projectable.YES);
        product.property("purpose")
                .fullTextField()
                .analyzer(AnalysisDefinition.TEXT)
                .projectable(Projectable.YES);
        product.property("tags")
                .keywordField()
                .aggregable(Aggregable.YES)
                .fullTextField("tags_text")
                .analyzer(AnalysisDefinition.NAME)
                // Whole tags, for fuzzy matching where the terms dictionary is not at hand (a cluster).
                .fullTextField("tags_typo")
                .analyzer(AnalysisDefinition.TAG);
        // Limitations, usage, port names and descriptions, contract schema fields and SLAs.
        product.property("searchText")
                .fullTextField("details")
                .analyzer(AnalysisDefinition.TEXT)
                .projectable(Projectable.YES);
        product.property("portTypes").keywordField("port_type").aggregable(Aggregable.YES);
        product.property("updatedAt").genericField().sortable(Sortable.YES).projectable(Projectable.YES);
        // Governance's standing (CatalogService.recordStanding): a score to sort and filter by,
        // absent before the first evaluation, and whether any policy is violated, as a facet.
        product.property("trustScore")
                .genericField("trust_score")
                .sortable(Sortable.YES)
                .projectable(Projectable.YES);
        product.property("policyViolations")
                .keywordField("violating")
                .aggregable(Aggregable.YES)
                .valueBridge(ViolatingBridge.class)
                .genericField("policy_violations")
                .projectable(Projectable.YES);
        // What the drift check compares with the database's row.
        product.property("lockVersion").genericField("revision").projectable(Projectable.YES);
    }
}
