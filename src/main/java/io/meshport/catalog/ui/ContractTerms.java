package io.meshport.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import io.meshport.catalog.ContractDetails;
import io.meshport.catalog.SlaProperty;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The tables of what a contract promises beside its schema: quality rules, service levels, servers. */
final class ContractTerms {

    private ContractTerms() {}

    static Component quality(List<ContractDetails.QualityRule> rules) {
        if (rules.isEmpty()) {
            return new Paragraph("The contract states no quality rules.");
        }
        Grid<ContractDetails.QualityRule> grid = grid("quality-rules");
        grid.addColumn(ContractDetails.QualityRule::on).setHeader("On").setAutoWidth(true);
        grid.addColumn(ContractDetails.QualityRule::rule).setHeader("Rule").setFlexGrow(2);
        grid.addColumn(r -> text(r.description()) + (r.name() == null ? "" : " (" + r.name() + ")"))
                .setHeader("Description")
                .setFlexGrow(2);
        grid.addColumn(r -> text(r.dimension())).setHeader("Dimension");
        grid.addColumn(r -> text(r.severity())).setHeader("Severity");
        grid.setItems(rules);
        return grid;
    }

    static Component sla(List<SlaProperty> properties) {
        if (properties.isEmpty()) {
            return new Paragraph("The contract promises no service levels.");
        }
        Grid<SlaProperty> grid = grid("sla-properties");
        grid.addColumn(SlaProperty::property).setHeader("Objective");
        grid.addColumn(p -> text(p.value()) + (p.unit() == null ? "" : " " + p.unit()))
                .setHeader("Value");
        grid.addColumn(p -> text(p.valueExt())).setHeader("Extended value");
        grid.addColumn(p -> text(p.element())).setHeader("Measured on");
        grid.addColumn(p -> text(p.driver())).setHeader("Driver");
        grid.setItems(properties);
        return grid;
    }

    static Component servers(List<ContractDetails.Server> servers) {
        if (servers.isEmpty()) {
            return new Paragraph("The contract names no servers.");
        }
        Grid<ContractDetails.Server> grid = grid("contract-servers");
        grid.addColumn(ContractDetails.Server::server).setHeader("Server");
        grid.addColumn(s -> text(s.type())).setHeader("Type");
        grid.addColumn(s -> text(s.description())).setHeader("Description");
        grid.addColumn(ContractDetails.Server::details).setHeader("Details").setFlexGrow(3);
        grid.setItems(servers);
        return grid;
    }

    private static <T> Grid<T> grid(String id) {
        Grid<T> grid = new Grid<>();
        grid.setId(id);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private static String text(@Nullable String value) {
        return Objects.requireNonNullElse(value, "");
    }
}
