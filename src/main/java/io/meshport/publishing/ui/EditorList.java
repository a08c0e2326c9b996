package io.meshport.publishing.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A repeatable part of the form (ports, support channels): its editors in the order shown. */
final class EditorList<E extends Component> extends VerticalLayout {

    private final List<E> editors = new ArrayList<>();

    EditorList() {
        setPadding(false);
    }

    E append(E editor) {
        editors.add(editor);
        add(editor);
        return editor;
    }

    void drop(E editor) {
        editors.remove(editor);
        remove(editor);
    }

    void clear() {
        editors.clear();
        removeAll();
    }

    /** The editors, as they are now and later (a live, read-only view). */
    List<E> editors() {
        return Collections.unmodifiableList(editors);
    }
}
