package io.meshport.governance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import io.meshport.catalog.ProductPageSection;
import io.meshport.governance.GovernanceService;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * The product page's Policies tab ({@code ?tab=policies}), after Access: each enabled policy that
 * covers the product with its result, violations first, then its trust score explained point by
 * point.
 */
@Service
@Order(5)
class PoliciesProductSection implements ProductPageSection {

    /** The tab's label; its name in the URL is {@code policies}. */
    static final String TITLE = "Policies";

    private final GovernanceService governance;

    PoliciesProductSection(GovernanceService governance) {
        this.governance = governance;
    }

    @Override
    public String title() {
        return TITLE;
    }

    /** "Trust 72 / 100" in the page's header, leading to this tab; nothing before the first score. */
    @Override
    public @Nullable String headline(String productId) {
        return governance
                .trust(productId)
                .map(trust -> "Trust " + trust.score() + " / 100")
                .orElse(null);
    }

    @Override
    public Component content(String productId, String productName) {
        Div content = new Div();
        content.setId("product-policies");
        content.setWidthFull();
        content.add(new H3("Policies"), new PolicyResultsPanel(governance.compliance(productId)));
        content.add(
                new H3("Trust score"),
                new TrustScorePanel(governance.trust(productId).orElse(null)));
        return content;
    }
}
