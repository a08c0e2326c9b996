package io.meshport.lineage.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lineage graph in the browser ({@code frontend/lineage/lineage-graph.ts}): draws a {@link
 * LineageLayout.Drawing} the server has laid out, and reports what the person asks of a node.
 */
@Tag("meshport-lineage-graph")
@NpmPackage(value = "cytoscape", version = "3.34.4")
@JsModule("./lineage/lineage-graph.ts")
class LineageDiagram extends Component implements HasSize {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    LineageDiagram() {
        setId("lineage-graph");
    }

    /** Draws this; {@code focus} (a node id, or null) keeps the zoom and centres there instead of fitting. */
    void draw(LineageLayout.Drawing drawing, String label, @org.jspecify.annotations.Nullable String focus) {
        java.util.Map<String, Object> payload = new java.util.LinkedHashMap<>();
        payload.put("root", drawing.root());
        payload.put("grouped", drawing.grouped());
        payload.put("truncated", drawing.truncated());
        payload.put("focus", focus);
        payload.put("groups", drawing.groups());
        payload.put("nodes", drawing.nodes());
        payload.put("edges", drawing.edges());
        getElement().setProperty("label", label);
        getElement().setProperty("drawing", JSON.writeValueAsString(payload));
    }

    Registration addNodeActionListener(ComponentEventListener<NodeActionEvent> listener) {
        return addListener(NodeActionEvent.class, listener);
    }

    Registration addDomainToggleListener(ComponentEventListener<DomainToggleEvent> listener) {
        return addListener(DomainToggleEvent.class, listener);
    }

    /** Expand a node's upstream or downstream, or open its product. */
    @DomEvent("lineage-node-action")
    public static class NodeActionEvent extends ComponentEvent<LineageDiagram> {
        private final String action;
        private final String nodeId;

        public NodeActionEvent(
                LineageDiagram source,
                boolean fromClient,
                @EventData("event.detail.action") String action,
                @EventData("event.detail.id") String nodeId) {
            super(source, fromClient);
            this.action = action;
            this.nodeId = nodeId;
        }

        String action() {
            return action;
        }

        String nodeId() {
            return nodeId;
        }
    }

    /** Collapse a domain's products into one node, or expand it again. */
    @DomEvent("lineage-domain-toggle")
    public static class DomainToggleEvent extends ComponentEvent<LineageDiagram> {
        private final String domain;

        public DomainToggleEvent(
                LineageDiagram source, boolean fromClient, @EventData("event.detail.domain") String domain) {
            super(source, fromClient);
            this.domain = domain;
        }

        String domain() {
            return domain;
        }
    }
}
