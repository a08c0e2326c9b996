package io.meshport.publishing.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.meshport.catalog.CatalogRules;
import io.meshport.catalog.DataProductSummary;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The product's own fields, identity and description, bound to a {@link ProductForm}, which maps
 * them to the ODPS document.
 */
final class ProductFields {

    final TextField name = new TextField("Name");
    final TextField id = new TextField("Id");
    final ComboBox<String> domain = new ComboBox<>("Domain");
    final TextField version = new TextField("Version");
    final MultiSelectComboBox<String> tags = new MultiSelectComboBox<>("Tags");
    final TextArea purpose = new TextArea("Purpose (Markdown)");
    final TextArea limitations = new TextArea("Limitations");
    final TextArea usage = new TextArea("Usage");
    final Select<String> team = new Select<>();
    /** Binds the fields to the model without showing problems: {@link FormProblems} shows the service's. */
    private final Binder<ProductForm> binder = new Binder<>();

    private ProductForm form = ProductForm.blank();
    private boolean idEdited;

    /**
     * @param editing whether an existing product is edited (its id is then fixed)
     * @param onChange runs after every change, once the model holds it
     */
    ProductFields(List<String> domains, List<String> teams, boolean editing, Runnable onChange) {
        // Bound first, so that the model holds a change before any other listener hears of it;
        // every value reaches the model, checked then by the service's rules (checkProduct).
        binder.setDefaultValidatorsEnabled(false);
        bind(name).bind(ProductForm::getName, ProductForm::setName);
        bind(id).bind(ProductForm::getId, ProductForm::setId);
        bind(domain).bind(ProductForm::getDomain, ProductForm::setDomain);
        bind(version).bind(ProductForm::getVersion, ProductForm::setVersion);
        bind(tags)
                .withConverter(
                        (Set<String> values) -> List.copyOf(values),
                        (List<String> values) -> new LinkedHashSet<>(values))
                .bind(ProductForm::getTags, ProductForm::setTags);
        bind(purpose).bind(ProductForm::getPurpose, ProductForm::setPurpose);
        bind(limitations).bind(ProductForm::getLimitations, ProductForm::setLimitations);
        bind(usage).bind(ProductForm::getUsage, ProductForm::setUsage);
        bind(team).bind(ProductForm::getTeam, ProductForm::setTeam);
        binder.setBean(form);
        name.setRequiredIndicatorVisible(true);
        name.setValueChangeMode(ValueChangeMode.LAZY);
        name.addValueChangeListener(e -> {
            if (!idEdited && !editing) {
                id.setValue(ProductForm.slug(e.getValue()));
            }
        });
        warnAboutSameName(Optional.empty());
        id.setHelperText("Stable and unique; suggested from the name");
        id.setReadOnly(editing);
        id.setValueChangeMode(ValueChangeMode.LAZY);
        id.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                idEdited = true;
            }
        });
        domain.setItems(domains);
        domain.setAllowCustomValue(true);
        domain.addCustomValueSetListener(e -> domain.setValue(e.getDetail()));
        domain.setHelperText("Pick one or type a new domain");
        version.setValue("1.0.0");
        version.setHelperText("Semantic version, e.g. 1.0.0");
        version.setValueChangeMode(ValueChangeMode.LAZY);
        tags.setAllowCustomValue(true);
        tags.setItems(new ArrayList<>());
        tags.addCustomValueSetListener(e -> {
            LinkedHashSet<String> values = new LinkedHashSet<>(tags.getValue());
            values.add(e.getDetail().strip().toLowerCase(Locale.ROOT));
            tags.setItems(new ArrayList<>(values));
            tags.setValue(values);
        });
        purpose.setHelperText("What the data is for; Markdown");
        purpose.setValueChangeMode(ValueChangeMode.LAZY);
        team.setLabel("Owning team");
        team.setItems(teams);
        team.setHelperText("Only its members can change the product");
        name.addValueChangeListener(e -> onChange.run());
        id.addValueChangeListener(e -> onChange.run());
        domain.addValueChangeListener(e -> onChange.run());
        version.addValueChangeListener(e -> onChange.run());
        tags.addValueChangeListener(e -> onChange.run());
        purpose.addValueChangeListener(e -> onChange.run());
        team.addValueChangeListener(e -> onChange.run());
    }

    FormLayout identity() {
        FormLayout identity = new FormLayout(name, id, domain, version, team, tags);
        identity.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        return identity;
    }

    FormLayout description() {
        FormLayout description = new FormLayout(purpose, limitations, usage);
        description.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        return description;
    }

    /** The fields that can show a problem, in reading order. */
    List<HasValidation> all() {
        return List.of(name, id, domain, version, team, tags, purpose);
    }

    /** The field a JSON pointer of the document names, if it is one of these. */
    @Nullable
    HasValidation at(String pointer) {
        return switch (pointer) {
            case "/name" -> name;
            case "/id" -> id;
            case "/domain" -> domain;
            case "/version" -> version;
            case "/description/purpose" -> purpose;
            case "/team/name", "/team" -> team;
            default -> pointer.startsWith("/tags") ? tags : null;
        };
    }

    /** Shows a form's values; the model then follows every change. */
    void read(ProductForm loaded, boolean editing) {
        // The id is the document's (or the URL's), not one suggested from the name as it is set.
        idEdited = true;
        if (loaded.getTeam() == null) {
            // A document of a team the caller may not publish for keeps the team picked so far.
            loaded.setTeam(team.getValue());
        }
        tags.setItems(loaded.getTags());
        form = loaded;
        binder.setBean(loaded);
        idEdited = editing || !id.getValue().isBlank();
    }

    /** What the fields hold. */
    ProductForm form() {
        return form;
    }

    /** Another team's product of the same name is a warning beside the name, not an error. */
    void warnAboutSameName(Optional<DataProductSummary> other) {
        name.setHelperText(other.map(ProductFields::sameNameWarning)
                .orElse("At most " + CatalogRules.MAX_NAME_LENGTH + " characters"));
        name.getElement().getThemeList().set("warning", other.isPresent());
    }

    static String sameNameWarning(DataProductSummary other) {
        return "Team " + other.ownerTeam() + " already has a product named '" + other.name() + "' (" + other.id()
                + ").";
    }

    private <V> Binder.BindingBuilder<ProductForm, V> bind(HasValue<?, V> field) {
        return binder.forField(field).withValidationStatusHandler(status -> {});
    }
}
