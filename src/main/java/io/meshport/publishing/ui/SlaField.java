package io.meshport.publishing.ui;

import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One service level the contract editor shows, bound to the first entry of {@code slaProperties}
 * that names it. The entry is rewritten only when the person changed the value, so its other
 * keys (element, driver, valueExt ...) and every entry the editor does not show stay as loaded.
 */
final class SlaField {

    static final List<String> UNITS = List.of("m", "h", "d", "w", "y");

    /** A value as the editor shows it: a number or a text, and a unit. */
    record Value(@Nullable Object value, @Nullable String unit) {
        boolean isEmpty() {
            return value == null || (value instanceof String text && text.isBlank());
        }
    }

    private final String property;
    private final @Nullable String fixedUnit;
    private final List<String> names;
    private final Supplier<Value> shown;
    private final Consumer<@Nullable JsonNode> show;
    private int index = -1;
    private Value loaded = new Value(null, null);

    private SlaField(
            String property,
            @Nullable String fixedUnit,
            List<String> names,
            Supplier<Value> shown,
            Consumer<@Nullable JsonNode> show) {
        this.property = property;
        this.fixedUnit = fixedUnit;
        this.names = names;
        this.shown = shown;
        this.show = show;
    }

    static SlaField number(String property, String unit, NumberField field, List<String> names) {
        return new SlaField(
                property,
                unit,
                names,
                () -> new Value(field.getValue(), unit),
                entry -> field.setValue(entry == null ? null : parse(Documents.text(entry, "value"))));
    }

    static SlaField text(String property, TextField field, List<String> names) {
        return new SlaField(
                property,
                null,
                names,
                () -> new Value(field.getValue().strip(), null),
                entry -> field.setValue(entry == null ? "" : Documents.text(entry, "value")));
    }

    static SlaField duration(String property, Duration field, List<String> names) {
        return new SlaField(
                property, null, names, () -> new Value(field.value.getValue(), field.unit.getValue()), field::show);
    }

    void read(JsonNode sla) {
        index = -1;
        for (int i = 0; i < sla.size(); i++) {
            String name = Documents.text(sla.get(i), "property").toLowerCase(Locale.ROOT);
            if (names.contains(name)) {
                index = i;
                break;
            }
        }
        show.accept(index < 0 ? null : sla.get(index));
        loaded = shown.get();
    }

    void write(ArrayNode sla, List<Integer> removed) {
        Value now = shown.get();
        if (Objects.equals(now, loaded)) {
            return;
        }
        if (now.isEmpty()) {
            if (index >= 0) {
                removed.add(index);
            }
            return;
        }
        ObjectNode entry = index >= 0 && sla.get(index) instanceof ObjectNode existing
                ? existing
                : sla.addObject().put("property", property);
        if (now.value() instanceof Double number) {
            if (number == Math.rint(number) && Math.abs(number) < 1e15) {
                entry.put("value", number.longValue());
            } else {
                entry.put("value", number);
            }
        } else {
            entry.put("value", String.valueOf(now.value()));
        }
        String unit = now.unit() != null ? now.unit() : fixedUnit;
        if (unit != null) {
            entry.put("unit", unit);
        }
    }

    static @Nullable Double parse(String value) {
        try {
            return Double.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A number with a unit, as ODCS writes durations (value 1, unit d). */
    static final class Duration extends HorizontalLayout {
        final NumberField value;
        final Select<String> unit = new Select<>();

        Duration(String label, Runnable onChange) {
            value = new NumberField(label);
            value.setMin(0);
            unit.setLabel("Unit");
            unit.setItems(UNITS);
            unit.setValue("d");
            unit.setWidth("6em");
            value.addValueChangeListener(e -> onChange.run());
            unit.addValueChangeListener(e -> onChange.run());
            setAlignItems(FlexComponent.Alignment.BASELINE);
            add(value, unit);
        }

        /** Shows an entry; a unit the editor does not offer (days, yr ...) is offered as loaded. */
        void show(@Nullable JsonNode entry) {
            value.setValue(entry == null ? null : parse(Documents.text(entry, "value")));
            String unitText = entry == null ? "" : Documents.text(entry, "unit");
            List<String> units = new ArrayList<>(UNITS);
            if (!unitText.isEmpty() && !units.contains(unitText)) {
                units.add(unitText);
            }
            unit.setItems(units);
            unit.setValue(unitText.isEmpty() ? "d" : unitText);
        }
    }
}
