package io.meshport.access.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.meshport.access.AccessService;
import io.meshport.access.Agreement;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.PortActions;
import io.meshport.catalog.ProductDetails;
import io.meshport.catalog.ProductStatus;
import io.meshport.identity.CurrentIdentity;
import io.meshport.identity.Identity;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * "Request access" beside each output port, for signed-in people who may ask for it (members of a
 * team other than the owning one), with what their teams already asked for on that port. People
 * without a team are told why they cannot ask; the owners see nothing here (their requests are on
 * the Access tab).
 */
@org.springframework.stereotype.Component
class RequestAccessAction implements PortActions {

    private final AccessService access;
    private final CatalogService catalog;
    private final CurrentIdentity identity;
    private final Clock clock;

    RequestAccessAction(AccessService access, CatalogService catalog, CurrentIdentity identity, Clock clock) {
        this.access = access;
        this.catalog = catalog;
        this.identity = identity;
        this.clock = clock;
    }

    @Override
    public Optional<Component> beside(ProductDetails product, ProductDetails.OutputPortView port) {
        Identity caller = identity.find().orElse(null);
        if (caller == null) {
            return Optional.empty();
        }
        if (caller.teams().isEmpty()) {
            Span why = new Span("Join a team to request access: access is granted to teams, and you belong to none.");
            why.addClassName("request-access-unavailable");
            return Optional.of(why);
        }
        String productId = product.summary().id();
        if (caller.isMemberOf(product.summary().ownerTeam())) {
            return Optional.empty();
        }
        if (product.summary().status() != ProductStatus.ACTIVE) {
            Span why = new Span("Access is asked for active products only; this one is "
                    + product.summary().status().value() + ".");
            why.addClassName("request-access-unavailable");
            return Optional.of(why);
        }
        List<String> teams = access.teamsThatMayRequest(productId);
        if (teams.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PortAccess(product, port, teams));
    }

    /** The caller's teams' requests for one port and the button that asks for another. */
    private final class PortAccess extends Div {

        private final ProductDetails product;
        private final ProductDetails.OutputPortView port;
        private final List<String> teams;

        PortAccess(ProductDetails product, ProductDetails.OutputPortView port, List<String> teams) {
            this.product = product;
            this.port = port;
            this.teams = teams;
            addClassName("port-access");
            show();
        }

        private void show() {
            removeAll();
            List<Agreement> open =
                    access.list(new AccessService.Filter(product.summary().id(), null, null, null), 200).stream()
                            .filter(a -> a.outputPort().equals(port.name())
                                    && a.outputPortVersion().equals(port.version())
                                    && teams.contains(a.consumerTeam())
                                    && a.status().isOpen())
                            .toList();
            for (Agreement agreement : open) {
                Div line = new Div(
                        new Span(agreement.consumerTeam() + ": "),
                        new Span(AccessTexts.state(agreement)),
                        new Span(" "),
                        new Anchor(AccessTexts.path(agreement), "Details"));
                line.addClassName("port-access-state");
                add(line);
            }
            List<String> free = teams.stream()
                    .filter(team ->
                            open.stream().noneMatch(a -> a.consumerTeam().equals(team)))
                    .toList();
            if (!free.isEmpty()) {
                Button request = new Button("Request access", VaadinIcon.KEY.create(), click -> open(free));
                request.setAriaLabel("Request access to " + port.name());
                add(request);
            }
        }

        private void open(List<String> free) {
            new RequestAccessDialog(
                            access,
                            product.summary().id(),
                            product.summary().name(),
                            port.name(),
                            port.version(),
                            free,
                            team -> catalog.ownedBy(List.of(team)),
                            LocalDate.now(clock),
                            sent -> show())
                    .open();
        }
    }
}
