package io.meshport.lineage.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import io.meshport.catalog.NotInCatalogException;
import io.meshport.lineage.Direction;
import io.meshport.lineage.LineageGraph;
import io.meshport.lineage.ProvenanceFilter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A product's lineage, explorable: the graph (or, above {@link #DRAW_CAP} products, an offer of
 * the table instead) and the same lineage as an accessible table, with a depth control and
 * grouping by domain. The product page shows it in a tab; {@code /products/{id}/lineage} full
 * screen.
 */
class LineagePanel extends VerticalLayout {

    /** Above this many nodes the browser is not asked to draw: the table is offered instead. */
    static final int DRAW_CAP = 800;

    static final List<Integer> DEPTHS = List.of(1, 2, 3, 4, 5, 6, 8, 10);

    enum Mode {
        GRAPH,
        TABLE
    }

    /** What the URL of the full-screen view keeps. */
    record State(int depth, Mode mode, ProvenanceFilter show) {

        /** Declared and observed edges. */
        State(int depth, Mode mode) {
            this(depth, mode, ProvenanceFilter.ALL);
        }
    }

    /** How the "Show" choice names each provenance filter. */
    static String showLabel(ProvenanceFilter show) {
        return switch (show) {
            case ALL -> "Declared and observed";
            case DECLARED -> "Declared only";
            case OBSERVED -> "Observed only";
        };
    }

    private final LineageExplorer.Source source;
    private final String productId;
    private final String productName;
    private final Consumer<String> openProduct;
    private final Consumer<State> stateChanged;

    private final Select<Integer> depth = new Select<>();
    private final Checkbox grouped = new Checkbox("Group by domain");
    private final RadioButtonGroup<Mode> mode = new RadioButtonGroup<>("View");
    private final RadioButtonGroup<ProvenanceFilter> show = new RadioButtonGroup<>("Show");
    private final Span summary = new Span();
    private final Div body = new Div();
    private final LineageDiagram diagram = new LineageDiagram();
    private final LineageTable table = new LineageTable(this::onNodeAction);
    private final Set<String> collapsedDomains = new HashSet<>();
    private @Nullable LineageExplorer explorer;
    private boolean loaded;

    LineagePanel(
            LineageExplorer.Source source,
            String productId,
            String productName,
            State initial,
            @Nullable Component extraAction,
            Consumer<String> openProduct,
            Consumer<State> stateChanged) {
        this.source = source;
        this.productId = productId;
        this.productName = productName;
        this.openProduct = openProduct;
        this.stateChanged = stateChanged;
        setPadding(false);
        setWidthFull();
        addClassName("lineage-panel");

        depth.setLabel("Hops each way");
        depth.setItems(DEPTHS);
        depth.setItemLabelGenerator(hops -> hops + (hops == 1 ? " hop" : " hops"));
        depth.setValue(DEPTHS.contains(initial.depth()) ? initial.depth() : 1);
        depth.setWidth("8em");
        grouped.setValue(false);
        mode.setItems(Mode.values());
        mode.setItemLabelGenerator(m -> m == Mode.GRAPH ? "Graph" : "Table");
        mode.setValue(initial.mode());
        // Which edges: as the documents declare them, as pipeline runs were observed using them, or both.
        show.setItems(ProvenanceFilter.values());
        show.setItemLabelGenerator(LineagePanel::showLabel);
        show.setValue(initial.show());
        show.setId("lineage-show");

        // What to draw on one line (it fits a window 1280 pixels wide); how to draw it, and the way
        // to the other view of the lineage, on the summary's line. Both wrap in narrower windows.
        HorizontalLayout controls = new HorizontalLayout(depth, mode, show);
        controls.setId("lineage-controls");
        controls.setAlignItems(FlexComponent.Alignment.BASELINE);
        controls.setWrap(true);
        summary.setId("lineage-summary");
        summary.getElement().setAttribute("aria-live", "polite");
        HorizontalLayout summaryLine = new HorizontalLayout(summary, grouped);
        if (extraAction != null) {
            summaryLine.add(extraAction);
        }
        summaryLine.setId("lineage-summary-line");
        summaryLine.setWidthFull();
        summaryLine.setAlignItems(FlexComponent.Alignment.BASELINE);
        summaryLine.setWrap(true);
        summaryLine.setFlexGrow(1, summary);
        body.setWidthFull();
        body.addClassName("lineage-body");
        diagram.setWidthFull();
        diagram.setHeight("100%");
        add(controls, new DriftNotice(productId), summaryLine, body);
        setFlexGrow(1, body);

        depth.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                reload();
                stateChanged.accept(state());
            }
        });
        mode.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                show();
                stateChanged.accept(state());
            }
        });
        show.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                reload();
                stateChanged.accept(state());
            }
        });
        grouped.addValueChangeListener(e -> show());
        diagram.addNodeActionListener(e -> onNodeAction(e.action(), e.nodeId()));
        diagram.addDomainToggleListener(e -> {
            if (!collapsedDomains.remove(e.domain())) {
                collapsedDomains.add(e.domain());
            }
            draw(null);
        });
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        // Lineage is asked for when the panel is first shown, not when the product page opens.
        if (!loaded) {
            loaded = true;
            reload();
        }
    }

    State state() {
        return new State(depth.getValue(), mode.getValue(), show.getValue());
    }

    private void reload() {
        try {
            explorer = LineageExplorer.open(source, productId, depth.getValue(), show.getValue());
        } catch (NotInCatalogException e) {
            explorer = null;
            body.removeAll();
            body.add(new Paragraph("The catalog has no data product with id '" + productId + "'."));
            return;
        }
        collapsedDomains.clear();
        show();
    }

    private void show() {
        LineageExplorer current = explorer;
        if (current == null) {
            return;
        }
        summarise(current);
        body.removeAll();
        if (mode.getValue() == Mode.TABLE) {
            table.show(current, productName);
            body.add(table);
        } else if (current.nodeCount() > DRAW_CAP) {
            Button toTable = new Button("Show as table", click -> {
                mode.setValue(Mode.TABLE);
                show();
                stateChanged.accept(state());
            });
            Paragraph tooLarge = new Paragraph("This lineage has " + current.nodeCount()
                    + " products, more than the graph draws (" + DRAW_CAP
                    + "). The table lists them all; a smaller depth draws a graph.");
            tooLarge.setId("lineage-too-large");
            body.add(tooLarge, toTable);
        } else {
            body.add(diagram);
            draw(null);
        }
    }

    private void draw(@Nullable String focus) {
        LineageExplorer current = explorer;
        if (current == null) {
            return;
        }
        LineageGraph graph = current.graph();
        LineageLayout.Drawing drawing = LineageLayout.layout(
                graph, current::expandedUpstream, current::expandedDownstream, grouped.getValue(), collapsedDomains);
        diagram.draw(drawing, "Lineage of " + productName + ": " + summaryText(current), focus);
    }

    private void onNodeAction(String action, String nodeId) {
        LineageExplorer current = explorer;
        if (current == null) {
            return;
        }
        switch (action) {
            case "open" -> openProduct.accept(nodeId);
            case "expand-upstream", "expand-downstream" -> {
                Direction direction = action.equals("expand-upstream") ? Direction.UPSTREAM : Direction.DOWNSTREAM;
                boolean grew = current.expand(nodeId, direction);
                summarise(current);
                if (!grew) {
                    Notification.show("Nothing more " + direction.value() + " of " + nodeId + ".");
                }
                if (mode.getValue() == Mode.TABLE) {
                    // The same grid with more rows: the keyboard focus stays in it.
                    table.show(current, productName);
                } else if (current.nodeCount() > DRAW_CAP) {
                    show();
                } else {
                    draw(nodeId);
                }
            }
            default -> throw new IllegalArgumentException("Unknown lineage action " + action);
        }
    }

    private void summarise(LineageExplorer current) {
        summary.setText(summaryText(current));
    }

    private static String summaryText(LineageExplorer current) {
        List<LineageGraph.Node> products =
                current.neighbours().stream().filter(n -> !n.isTeam()).toList();
        long upstream = products.stream().filter(n -> n.depth() < 0).count();
        long downstream = products.stream().filter(n -> n.depth() > 0).count();
        // Reached by expanding another node, level with the root (say, another input of a consumer).
        long related = products.stream().filter(n -> n.depth() == 0).count();
        long teams = current.neighbours().size() - products.size();
        long agreements = current.graph().edges().stream()
                .filter(LineageGraph.Edge::isAgreement)
                .count();
        long observedOnly = current.graph().edges().stream()
                .filter(edge -> edge.provenance() == LineageGraph.Provenance.OBSERVED)
                .count();
        int unresolved = current.graph().unresolved().size();
        return upstream + " upstream and " + downstream + " downstream products shown"
                + (related == 0 ? "" : ", " + related + " related")
                + (teams == 0 ? "" : ", " + teams + " consumer team" + (teams == 1 ? "" : "s"))
                + (agreements == 0 ? "" : ", " + agreements + " agreement" + (agreements == 1 ? "" : "s"))
                + (unresolved == 0 ? "" : ", " + unresolved + " unresolved input" + (unresolved == 1 ? "" : "s"))
                + (observedOnly == 0
                        ? ""
                        : ", " + observedOnly + " edge" + (observedOnly == 1 ? "" : "s") + " only observed in runs")
                + (current.graph().truncated() ? " (truncated: the lineage reaches further)" : "") + ".";
    }

    /** A link to the full-screen view of the same lineage, for the product page's tab. */
    static Anchor fullScreenLink(String productId) {
        Anchor link = new Anchor("products/" + productId + "/lineage", "Open full screen");
        link.getElement().setAttribute("router-link", true);
        return link;
    }
}
