package io.meshport.shell;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.meshport.identity.CurrentIdentity;
import io.meshport.identity.Identity;
import io.meshport.notification.NotificationService;
import jakarta.annotation.security.PermitAll;

/**
 * Navigation on the left, built from the views' {@code @Menu} annotations; the header shows who
 * the user acts as (name and teams) without opening anything, and a bell with their teams' unread
 * notifications.
 */
@Layout
@PermitAll
class MainLayout extends AppLayout {

    MainLayout(
            CurrentIdentity currentIdentity,
            AuthenticationContext authenticationContext,
            NotificationService notifications) {
        H1 title = new H1("Meshport");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.getStyle().set("padding-inline-end", "var(--lumo-space-m)");
        currentIdentity
                .find()
                .ifPresent(identity -> header.add(userBadge(identity, authenticationContext, notifications)));
        addToNavbar(header);

        SideNav navigation = new SideNav();
        navigation.setLabel("Main navigation");
        MenuConfiguration.getMenuEntries().forEach(entry -> navigation.addItem(item(entry)));
        addToDrawer(navigation);
        setPrimarySection(Section.DRAWER);
    }

    private static HorizontalLayout userBadge(
            Identity identity, AuthenticationContext authenticationContext, NotificationService notifications) {
        Span name = new Span(identity.displayName());
        name.setId("current-user-name");
        name.getStyle().set("font-weight", "600");

        HorizontalLayout teams = new HorizontalLayout();
        teams.setId("current-user-teams");
        teams.setSpacing(false);
        teams.getStyle().set("gap", "var(--lumo-space-xs)");
        if (identity.teams().isEmpty()) {
            Span none = new Span("no team");
            none.addClassNames("team-badge", "team-badge-none");
            teams.add(none);
        }
        for (String team : identity.teams()) {
            Span badge = new Span(team);
            badge.addClassName("team-badge");
            teams.add(badge);
        }

        Button logout = new Button("Log out", VaadinIcon.SIGN_OUT.create(), click -> authenticationContext.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        HorizontalLayout badge = new HorizontalLayout(new NotificationBell(notifications), name, teams, logout);
        badge.setAlignItems(FlexComponent.Alignment.CENTER);
        badge.getStyle().set("margin-inline-start", "auto");
        return badge;
    }

    private static SideNavItem item(MenuEntry entry) {
        return entry.icon() == null
                ? new SideNavItem(entry.title(), entry.path())
                : new SideNavItem(
                        entry.title(),
                        entry.path(),
                        VaadinIcon.valueOf(entry.icon()).create());
    }
}
