package io.meshport.catalog.ui;

import com.vaadin.flow.component.html.Span;
import io.meshport.catalog.ProductStatus;

/** A product's life-cycle status, coloured so that deprecated and retired stand out. */
final class StatusBadge {

    private StatusBadge() {}

    static Span of(ProductStatus status) {
        Span badge = new Span(status.value());
        badge.addClassNames("status-badge", "status-" + status.value());
        return badge;
    }
}
