package io.meshport.lineage.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import io.meshport.catalog.ProductPageSection;
import io.meshport.lineage.LineageService;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/** The product page's Lineage tab: the graph at one hop each way, the table, and a way to full screen. */
@Service
@Order(1)
class LineageProductSection implements ProductPageSection {

    private final LineageService lineage;

    LineageProductSection(LineageService lineage) {
        this.lineage = lineage;
    }

    /** The first layout loads and compiles ELK; do that at start, not when someone waits for it. */
    @EventListener(ApplicationReadyEvent.class)
    void warmUpLayout() {
        Thread.ofVirtual().name("lineage-layout-warm-up").start(LineageLayout::warmUp);
    }

    @Override
    public String title() {
        return "Lineage";
    }

    @Override
    public Component content(String productId, String productName) {
        LineagePanel panel = new LineagePanel(
                lineage::lineage,
                productId,
                productName,
                new LineagePanel.State(1, LineagePanel.Mode.GRAPH),
                LineagePanel.fullScreenLink(productId),
                other -> UI.getCurrent().navigate("products/" + other),
                state -> {});
        panel.setHeight("40rem");
        return panel;
    }
}
