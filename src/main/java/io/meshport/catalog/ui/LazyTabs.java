package io.meshport.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A tab sheet whose tabs are built when first opened, not when the page opens: a product's impact
 * walk, history diffs, lineage and SLA cost nothing until someone looks at them. Each tab has a
 * name for the URL (its label in lower case, words joined by hyphens: "Ports and contracts" is
 * {@code ports-and-contracts}).
 */
final class LazyTabs {

    private final TabSheet sheet = new TabSheet();
    private final Map<String, Entry> byName = new LinkedHashMap<>();
    private final Map<Tab, Entry> byTab = new LinkedHashMap<>();
    private boolean opened;

    private record Entry(String name, Tab tab, Div holder, Supplier<Component> content) {}

    /** @param selected told the name of a tab the person opened */
    LazyTabs(Consumer<String> selected) {
        sheet.setWidthFull();
        sheet.addSelectedChangeListener(event -> {
            Entry entry = byTab.get(event.getSelectedTab());
            if (entry == null || !opened) {
                return;
            }
            build(entry);
            if (event.isFromClient()) {
                selected.accept(entry.name());
            }
        });
    }

    void add(String label, Supplier<Component> content) {
        Div holder = new Div();
        holder.setWidthFull();
        Tab tab = sheet.add(label, holder);
        Entry entry = new Entry(name(label), tab, holder, content);
        byName.putIfAbsent(entry.name(), entry);
        byTab.put(tab, entry);
    }

    /** Opens the named tab (the first when the name is unknown) and builds it, the only one built. */
    void open(String name) {
        Entry entry = byName.getOrDefault(
                name.toLowerCase(Locale.ROOT), byName.values().iterator().next());
        opened = true;
        sheet.setSelectedTab(entry.tab());
        build(entry);
    }

    TabSheet sheet() {
        return sheet;
    }

    static String name(String label) {
        return label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static void build(Entry entry) {
        if (entry.holder().getComponentCount() == 0) {
            entry.holder().add(entry.content().get());
        }
    }
}
