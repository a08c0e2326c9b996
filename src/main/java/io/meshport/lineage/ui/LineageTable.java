package io.meshport.lineage.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.meshport.lineage.LineageGraph;
import io.meshport.lineage.LineageGraph.Edge;
import io.meshport.lineage.LineageGraph.Node;
import io.meshport.lineage.LineageGraph.Provenance;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The accessible alternative to the graph: the same explored lineage as a grid, one row per
 * upstream or downstream product (and per unresolved input), with the contracts linking it
 * towards the root, and one row per approved agreement linking a product or a consumer team
 * towards the root (kind "agreement", with its port, the contract version agreed and the
 * provisioning state). Each row says whether its edges are declared, observed in pipeline runs or
 * both, and when a run last used them. The grid is keyboard navigable; product names are links, and each row offers
 * the graph's node actions (expand upstream, expand downstream) as buttons, so everything the graph
 * does by mouse can be done here by keyboard. The rows are the exploration already in memory
 * (bounded by {@link LineageExplorer#MAX_NODES}), not a table to page.
 */
class LineageTable extends Composite<Grid<LineageTable.Row>> {

    static final String DECLARED = "declared input";
    static final String AGREEMENT = "agreement";
    static final String OBSERVED = "observed in runs";

    private static final DateTimeFormatter OBSERVED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /**
     * @param productId null for an unresolved input or a team
     * @param kind {@link #DECLARED}, {@link #AGREEMENT} or {@link #OBSERVED} (an input only pipeline
     *     runs show)
     * @param provenance of the edges towards the root: declared, observed or both; empty without
     * @param lastObserved when a run last used them, for observed edges
     */
    record Row(
            String direction,
            int hops,
            @Nullable String productId,
            boolean teamNode,
            String name,
            String kind,
            String domain,
            String team,
            String status,
            String contracts,
            String port,
            String contractVersion,
            String provisioning,
            String provenance,
            String lastObserved) {

        /** A row of a declared input, or of a product not linked towards the root. */
        static Row declared(
                String direction,
                int hops,
                @Nullable String productId,
                String name,
                String domain,
                String team,
                String status,
                String contracts) {
            return new Row(
                    direction,
                    hops,
                    productId,
                    false,
                    name,
                    DECLARED,
                    domain,
                    team,
                    status,
                    contracts,
                    "",
                    "",
                    "",
                    contracts.isEmpty() ? "" : Provenance.DECLARED.value(),
                    "");
        }
    }

    private final BiConsumer<String, String> onAction;
    private @Nullable LineageExplorer explorer;

    /** @param onAction called with the action ({@code expand-upstream}, {@code expand-downstream}) and the product id */
    LineageTable(BiConsumer<String, String> onAction) {
        this.onAction = onAction;
        Grid<Row> grid = getContent();
        grid.setId("lineage-table");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(Row::direction).setHeader("Direction").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Row::hops).setHeader("Hops").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(LineageTable::product).setHeader("Product").setFlexGrow(2);
        grid.addComponentColumn(this::actions)
                .setHeader("Expand")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Row::kind).setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Row::provenance)
                .setHeader("Provenance")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Row::lastObserved)
                .setHeader("Last observed")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Row::domain).setHeader("Domain");
        grid.addColumn(Row::team).setHeader("Owning team");
        grid.addColumn(Row::status).setHeader("Status");
        grid.addColumn(Row::contracts).setHeader("Via contract").setFlexGrow(2);
        grid.addColumn(Row::port).setHeader("Port").setAutoWidth(true);
        grid.addColumn(Row::contractVersion).setHeader("Contract version").setAutoWidth(true);
        grid.addColumn(Row::provisioning).setHeader("Provisioning").setAutoWidth(true);
        grid.setWidthFull();
        grid.setHeight("32rem");
    }

    void show(LineageExplorer explorer, String productName) {
        this.explorer = explorer;
        getContent().getElement().setAttribute("aria-label", "Lineage of " + productName + " as a table");
        getContent().setItems(rows(explorer.graph(), explorer.neighbours()));
    }

    static List<Row> rows(LineageGraph graph, List<Node> neighbours) {
        List<Row> rows = new ArrayList<>();
        for (Node node : neighbours) {
            boolean upstream = node.depth() < 0;
            String direction = upstream ? "Upstream" : node.depth() > 0 ? "Downstream" : "Related";
            // The edges that connect this product towards the root: what it provides to the
            // products nearer the root (upstream), or what it consumes from them (downstream).
            List<Edge> towardsRoot = graph.edges().stream()
                    .filter(edge ->
                            upstream ? edge.from().equals(node.id()) : edge.to().equals(node.id()))
                    .toList();
            List<Edge> agreements =
                    towardsRoot.stream().filter(Edge::isAgreement).toList();
            List<Edge> inputs =
                    towardsRoot.stream().filter(edge -> !edge.isAgreement()).toList();
            String contracts = inputs.stream()
                    .map(Edge::contractId)
                    .filter(Objects::nonNull)
                    .distinct()
                    .sorted()
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("");
            String status = node.status() == null ? "—" : node.status().value();
            String domain = Objects.requireNonNullElse(node.domain(), "—");
            if (!node.isTeam() && (!inputs.isEmpty() || agreements.isEmpty())) {
                Provenance provenance = inputs.stream()
                        .map(Edge::provenance)
                        .reduce(Provenance::and)
                        .orElse(null);
                Instant lastObserved = inputs.stream()
                        .map(Edge::lastObservedAt)
                        .filter(Objects::nonNull)
                        .max(Comparator.naturalOrder())
                        .orElse(null);
                rows.add(new Row(
                        direction,
                        Math.abs(node.depth()),
                        node.id(),
                        false,
                        node.name(),
                        provenance == Provenance.OBSERVED ? OBSERVED : DECLARED,
                        domain,
                        node.team(),
                        status,
                        contracts.isEmpty() && !inputs.isEmpty() ? "—" : contracts,
                        "",
                        "",
                        "",
                        provenance == null ? "" : provenance.value(),
                        lastObserved == null ? "" : OBSERVED_AT.format(lastObserved)));
            }
            for (Edge agreement : agreements) {
                rows.add(new Row(
                        direction,
                        Math.abs(node.depth()),
                        node.isTeam() ? null : node.id(),
                        node.isTeam(),
                        node.name(),
                        AGREEMENT,
                        domain,
                        node.team(),
                        status,
                        Objects.requireNonNullElse(agreement.contractId(), "—"),
                        agreement.outputPort() + "@" + agreement.outputPortVersion(),
                        Objects.requireNonNullElse(agreement.contractVersion(), "—"),
                        Objects.requireNonNullElse(agreement.provisioning(), "—"),
                        agreement.provenance().value(),
                        ""));
            }
        }
        for (LineageGraph.UnresolvedInput input : graph.unresolved()) {
            int consumerDepth = graph.nodes().stream()
                    .filter(n -> n.id().equals(input.product()))
                    .mapToInt(Node::depth)
                    .findFirst()
                    .orElse(0);
            rows.add(Row.declared(
                    "Unresolved input",
                    consumerDepth <= 0 ? 1 - consumerDepth : consumerDepth,
                    null,
                    "unresolved input of " + input.product(),
                    "—",
                    "—",
                    "unresolved",
                    input.contractId()));
        }
        return rows;
    }

    private Component actions(Row row) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        actions.getStyle().set("gap", "var(--lumo-space-xs)");
        String id = row.productId();
        LineageExplorer current = explorer;
        if (id == null || current == null) {
            return actions;
        }
        actions.add(
                action(
                        "◀ Upstream",
                        "Expand upstream of " + row.name(),
                        "expand-upstream",
                        id,
                        current.expandedUpstream(id)),
                action(
                        "Downstream ▶",
                        "Expand downstream of " + row.name(),
                        "expand-downstream",
                        id,
                        current.expandedDownstream(id)));
        return actions;
    }

    private Button action(String text, String label, String action, String id, boolean done) {
        Button button = new Button(text, click -> onAction.accept(action, id));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.setAriaLabel(label);
        button.setEnabled(!done);
        return button;
    }

    private static Component product(Row row) {
        if (row.teamNode()) {
            Span team = new Span("Team " + row.name());
            team.addClassName("lineage-team");
            team.getElement().setAttribute("title", "A consumer team reading through an approved agreement");
            return team;
        }
        if (row.productId() == null) {
            Span unresolved = new Span(row.name());
            unresolved.addClassNames("status-badge", "status-unresolved");
            return unresolved;
        }
        Anchor link = new Anchor("products/" + row.productId(), row.name());
        link.getElement().setAttribute("router-link", true);
        if (!row.status().equals("active")) {
            link.getElement()
                    .setAttribute("aria-label", row.name() + " (" + row.status().toLowerCase(Locale.ROOT) + ")");
        }
        return link;
    }
}
