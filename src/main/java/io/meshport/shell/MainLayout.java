package io.meshport.shell;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.meshport.identity.CurrentIdentity;
import io.meshport.identity.Identity;
import io.meshport.notification.NotificationService;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;

/**
 * Navigation on the left, built from the views' {@code @Menu} annotations; the header shows who
 * the user acts as (name and teams) without opening anything, and a bell with their teams' unread
 * notifications. For the keyboard: a "Skip to content" link is the first Tab stop, the page
 * itself sits in the {@code main} landmark, and moving to another page puts the focus on its
 * heading (where a screen reader starts reading) instead of leaving it on the link followed.
 */
@Layout
@PermitAll
class MainLayout extends AppLayout implements AfterNavigationObserver {

    /** Focuses the page's heading (or the main landmark without one), as a skip link does. */
    private static final String FOCUS_CONTENT = """
            const main = document.getElementById('main-content');
            const target = main.querySelector('h1, h2') || main;
            if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
            target.focus();""";

    private final Main content = new Main();
    private @Nullable String shownPath;

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
        addToNavbar(skipLink(), header);
        content.setId("main-content");
        content.getElement().setAttribute("tabindex", "-1");
        content.setSizeFull();
        setContent(content);

        SideNav navigation = new SideNav();
        navigation.setLabel("Main navigation");
        MenuConfiguration.getMenuEntries().forEach(entry -> navigation.addItem(item(entry)));
        addToDrawer(navigation);
        setPrimarySection(Section.DRAWER);
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        content.removeAll();
        if (view != null) {
            content.getElement().appendChild(view.getElement());
        }
    }

    /**
     * On a move to another page (not when only the query changes, as while typing a search),
     * focus goes to the new page's heading, unless the page has put it somewhere itself.
     */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        String path = event.getLocation().getPath();
        boolean moved = shownPath != null && !shownPath.equals(path);
        shownPath = path;
        if (moved) {
            content.getElement()
                    .executeJs("const active = document.activeElement;"
                            + " if (active && active !== document.body && this.contains(active)) return;"
                            + FOCUS_CONTENT);
        }
    }

    private static Anchor skipLink() {
        Anchor skip = new Anchor("#main-content", "Skip to content");
        skip.setId("skip-to-content");
        skip.addClassName("skip-link");
        // The browser's own jump to #main-content would also change the URL Vaadin routes by.
        skip.getElement().setAttribute("router-ignore", true);
        skip.getElement()
                .executeJs(
                        "this.addEventListener('click', event => { event.preventDefault(); " + FOCUS_CONTENT + " });");
        return skip;
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
