package io.meshport.lineage.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.server.VaadinService;
import io.meshport.catalog.CatalogService;
import io.meshport.lineage.Drift;
import io.meshport.lineage.LineageDrift;
import java.util.List;

/**
 * A notice above a product's lineage when what its pipeline runs were seen reading disagrees
 * with what its ports declare (lineage drift), leading to the owner's review screen; nothing at
 * all when there is no drift. It finds {@link LineageDrift} itself, so that the lineage panel
 * only places it (docs/decisions/0032-lineage-drift.md).
 */
class DriftNotice extends Div {

    private final String productId;
    private boolean loaded;

    DriftNotice(String productId) {
        this.productId = productId;
        setId("lineage-drift");
        addClassName("lineage-drift");
        setVisible(false);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        VaadinService service = VaadinService.getCurrent();
        if (!loaded && service != null) {
            loaded = true;
            show(
                    service.getInstantiator().getOrCreate(LineageDrift.class).of(productId),
                    service.getInstantiator().getOrCreate(CatalogService.class).mayEdit(productId));
        }
    }

    /**
     * Shows the items; hides the notice when there are none. The owners are asked to review it;
     * anyone else is offered the owners' review to read (it says who may sign it off).
     */
    void show(List<Drift> items, boolean owner) {
        removeAll();
        setVisible(!items.isEmpty());
        if (items.isEmpty()) {
            return;
        }
        Span heading = new Span("⚠ Lineage drift: " + items.size() + (items.size() == 1 ? " item" : " items")
                + " where the pipeline runs disagree with the declared lineage.");
        heading.addClassNames("status-badge", "attention-badge");
        Anchor review = new Anchor("my/" + productId, owner ? "Review it" : "See the owners' review");
        review.getElement().setAttribute("router-link", true);
        review.getStyle().set("margin-inline-start", "var(--lumo-space-s)");
        UnorderedList list = new UnorderedList();
        items.forEach(item -> list.add(new ListItem(item.message())));
        list.getStyle().set("margin", "var(--lumo-space-xs) 0");
        getElement().setAttribute("role", "status");
        add(heading, review, list);
    }
}
