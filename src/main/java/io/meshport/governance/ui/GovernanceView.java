package io.meshport.governance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import io.meshport.governance.GovernanceService;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The mesh's global policies and how the products keep them: the policies with their pass rates,
 * compliance per domain and team (today, and over time), the products that violate a policy, and
 * the exemptions about to expire. Everyone signed in reads it; governance also gets the button
 * for a new policy. Each section is built when first opened; {@code ?tab=} names the open one.
 */
@Route("governance")
@PageTitle("Governance · Meshport")
@Menu(order = 4, title = "Governance", icon = "SCALE")
@PermitAll
class GovernanceView extends VerticalLayout implements BeforeEnterObserver {

    static final String TAB_PARAMETER = "tab";

    private final GovernanceService governance;

    private record Section(String name, Tab tab, Div holder, Supplier<Component> content) {}

    GovernanceView(GovernanceService governance) {
        this.governance = governance;
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String requested = event.getLocation()
                .getQueryParameters()
                .getSingleParameter(TAB_PARAMETER)
                .orElse("");
        removeAll();
        add(new H2("Governance"));
        Paragraph intro = new Paragraph(
                governance.mayGovern()
                        ? "The mesh's global policies, written as rules every product is checked against on each change and"
                                + " hourly. You are in governance: you may create, change, enforce and retire policies."
                        : "The mesh's global policies, written as rules every product is checked against on each change and"
                                + " hourly, and how the teams keep them. Only governance changes policies.");
        intro.setId("governance-intro");
        add(intro);

        TabSheet sheet = new TabSheet();
        sheet.setId("governance-tabs");
        sheet.setWidthFull();
        Map<String, Section> sections = new LinkedHashMap<>();
        section(sheet, "policies", "Policies", () -> new PoliciesSection(governance), sections);
        section(sheet, "compliance", "Compliance", () -> new ComplianceSection(governance), sections);
        section(sheet, "violations", "Violations", () -> new ViolationsSection(governance), sections);
        section(sheet, "exemptions", "Exemptions expiring", () -> new ExpiringExemptionsSection(governance), sections);
        Section open =
                sections.getOrDefault(requested, sections.values().iterator().next());
        sheet.setSelectedTab(open.tab());
        build(open);
        sheet.addSelectedChangeListener(change -> sections.values().stream()
                .filter(section -> section.tab() == change.getSelectedTab())
                .findFirst()
                .ifPresent(section -> {
                    build(section);
                    if (change.isFromClient()) {
                        getUI().ifPresent(ui -> ui.getPage()
                                .getHistory()
                                .replaceState(
                                        null,
                                        new Location(
                                                GovernanceTexts.OVERVIEW,
                                                section.name().equals("policies")
                                                        ? QueryParameters.empty()
                                                        : QueryParameters.of(TAB_PARAMETER, section.name()))));
                    }
                }));
        add(sheet);
    }

    private static void section(
            TabSheet sheet, String name, String label, Supplier<Component> content, Map<String, Section> sections) {
        Div holder = new Div();
        holder.setWidthFull();
        Tab tab = sheet.add(label, holder);
        tab.setId("governance-tab-" + name);
        sections.put(name, new Section(name, tab, holder, content));
    }

    private static void build(Section section) {
        if (section.holder().getComponentCount() == 0) {
            section.holder().add(section.content().get());
        }
    }
}
