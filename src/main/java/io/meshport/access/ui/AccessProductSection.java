package io.meshport.access.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.meshport.access.AccessService;
import io.meshport.access.Agreement;
import io.meshport.access.AgreementStatus;
import io.meshport.catalog.ProductPageSection;
import io.meshport.identity.CurrentIdentity;
import io.meshport.identity.Identity;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * The product page's Access tab: the requests and agreements on this product's ports that the
 * caller may see (all of them for its owners and governance, their own teams' for anyone else),
 * pending ones first, with approve, reject and revoke for those who may decide.
 */
@Service
@Order(4)
class AccessProductSection implements ProductPageSection {

    private final AccessService access;
    private final CurrentIdentity currentIdentity;

    AccessProductSection(AccessService access, CurrentIdentity currentIdentity) {
        this.access = access;
        this.currentIdentity = currentIdentity;
    }

    @Override
    public String title() {
        return "Access";
    }

    @Override
    public Component content(String productId, String productName) {
        VerticalLayout content = new VerticalLayout();
        content.setPadding(false);
        content.setId("product-access");
        fill(content, productId, productName);
        return content;
    }

    private void fill(VerticalLayout content, String productId, String productName) {
        content.removeAll();
        Identity caller = currentIdentity.require();
        boolean decides = access.mayDecide(productId);
        List<Agreement> agreements =
                access.list(new AccessService.Filter(productId, null, null, null), AccessView.LIMIT).stream()
                        .sorted((a, b) -> Boolean.compare(
                                b.status() == AgreementStatus.REQUESTED, a.status() == AgreementStatus.REQUESTED))
                        .toList();
        long pending = agreements.stream()
                .filter(a -> a.status() == AgreementStatus.REQUESTED)
                .count();
        Paragraph summary = new Paragraph(
                agreements.isEmpty()
                        ? caller.teams().isEmpty() && !caller.admin()
                                ? "Join a team to request access: access is asked for and granted to teams."
                                : (decides
                                        ? "Nobody has asked for access to " + productName + " yet."
                                        : "Your teams have not asked for access to " + productName
                                                + ". Ask beside a port" + " on Ports and contracts.")
                        : agreements.size() + " requests and agreements"
                                + (decides ? ", " + pending + " waiting for a decision." : " of your teams."));
        summary.setId("product-access-summary");
        content.add(summary);
        if (agreements.isEmpty()) {
            return;
        }
        AgreementGrid grid = new AgreementGrid(
                null,
                null,
                agreement -> new AgreementActions(
                        access, agreement, caller, decides, after -> fill(content, productId, productName)));
        grid.setId("product-access-agreements");
        grid.setItems(agreements);
        content.add(grid);
    }
}
