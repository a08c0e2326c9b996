package io.meshport.lineage.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

@Route("products/:id/lineage")
@PermitAll
class LineageView extends VerticalLayout {
    LineageView() {
        add(new LineageGraphView());
    }
}
