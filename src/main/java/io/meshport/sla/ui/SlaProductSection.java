package io.meshport.sla.ui;

import com.vaadin.flow.component.Component;
import io.meshport.catalog.ProductPageSection;
import io.meshport.sla.SlaService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/** The product page's SLA tab, after Lineage and Impact. */
@Service
@Order(3)
class SlaProductSection implements ProductPageSection {

    /** How many runs and observations the tab lists. */
    private static final int RECENT = 20;

    private final SlaService sla;

    SlaProductSection(SlaService sla) {
        this.sla = sla;
    }

    @Override
    public String title() {
        return "SLA";
    }

    @Override
    public Component content(String productId, String productName) {
        return new SlaPanel(
                sla.report(productId),
                sla.consistencyWarnings(productId),
                sla.recentRuns(productId, RECENT),
                sla.recentObservations(productId, RECENT));
    }
}
