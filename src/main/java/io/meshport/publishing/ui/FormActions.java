package io.meshport.publishing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.meshport.catalog.ProductStatus;

/** The form's buttons; which show, and what saving is called, follow the product's status. */
final class FormActions extends HorizontalLayout {

    private final Button save = new Button("Save as draft");
    private final Button publish = new Button("Publish");
    private final Button deprecate = new Button("Deprecate…");
    private final Button retire = new Button("Retire…");

    /** One {@code FormActions} serves every product the view shows: what the buttons do is fixed. */
    FormActions(Runnable save, Runnable publish, Runnable deprecate, Runnable retire, Runnable importDocument) {
        this.save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        this.publish.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
        this.save.addClickListener(click -> save.run());
        this.publish.addClickListener(click -> publish.run());
        this.deprecate.addClickListener(click -> deprecate.run());
        this.retire.addClickListener(click -> retire.run());
        Button importButton =
                new Button("Import ODPS/ODCS…", VaadinIcon.UPLOAD.create(), click -> importDocument.run());
        add(this.save, this.publish, this.deprecate, this.retire, importButton);
    }

    /** @param editing whether a product in the catalog is edited (else one is created) */
    void show(boolean editing, ProductStatus status) {
        boolean live = status == ProductStatus.ACTIVE || status == ProductStatus.DEPRECATED;
        save.setText(editing && live ? "Save" : "Save as draft");
        publish.setVisible(status != ProductStatus.ACTIVE && status != ProductStatus.RETIRED);
        deprecate.setVisible(editing && status == ProductStatus.ACTIVE);
        retire.setVisible(editing && status == ProductStatus.DEPRECATED);
    }
}
