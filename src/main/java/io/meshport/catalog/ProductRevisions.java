package io.meshport.catalog;

import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which products exist and at which revision, for checks that run without a caller (search's
 * drift check compares it with its index). Ids and numbers only: nothing a person could not see
 * in Explore, so no caller is asked for.
 */
@Service
@Transactional(readOnly = true)
public class ProductRevisions {

    /** A product's id and its revision (the number the API's ETag carries). */
    public record Revision(String id, long revision) {}

    private final DataProductRepository products;

    ProductRevisions(DataProductRepository products) {
        this.products = products;
    }

    /** At most {@code limit} products after {@code afterId} (empty string: from the start), in id order. */
    public List<Revision> after(String afterId, int limit) {
        return products.findRevisionsAfter(afterId, PageRequest.ofSize(limit));
    }
}
