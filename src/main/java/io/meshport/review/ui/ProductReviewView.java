package io.meshport.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.meshport.catalog.InvalidDocumentException;
import io.meshport.catalog.Violation;
import io.meshport.review.ProductReview;
import io.meshport.review.ReviewService;
import io.meshport.review.Warning;
import io.meshport.sla.ObjectiveReport;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.security.access.AccessDeniedException;

/**
 * One screen for an owner's periodic review: lineage health and SLA consistency, the SLA
 * objectives as measured, and the sign-off, which goes into the product's history.
 */
@Route("my/:id")
@PermitAll
class ProductReviewView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final ReviewService reviews;
    private String title = "Review · Meshport";
    private String productId = "";

    ProductReviewView(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        productId = event.getRouteParameters().get("id").orElse("");
        show();
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void show() {
        removeAll();
        ProductReview review = reviews.review(productId).orElse(null);
        if (review == null) {
            add(new H2("Review"), new Paragraph("The catalog has no data product with id '" + productId + "'."));
            return;
        }
        title = "Review of " + review.product().name() + " · Meshport";
        add(new H2("Review: " + review.product().name()));
        HorizontalLayout facts = new HorizontalLayout(
                new Span("Team " + review.product().ownerTeam()),
                new Span("Status " + review.product().status().value()),
                ReviewTexts.link("products/" + review.product().id(), "Open the product page"));
        add(facts);

        add(new H3("Lineage health and SLA consistency"));
        if (review.warnings().isEmpty()) {
            Paragraph none = new Paragraph("No warnings: every upstream product is active, every input is provided,"
                    + " no upstream SLA is breached, and no promise exceeds what the upstream products promise.");
            none.setId("review-no-warnings");
            add(none);
        } else {
            UnorderedList list = new UnorderedList();
            list.setId("review-warnings");
            for (Warning warning : review.warnings()) {
                ListItem item = new ListItem(new Span(warning.message()));
                if (warning.about() != null) {
                    item.add(new Span(" "), ReviewTexts.link("products/" + warning.about(), "open " + warning.about()));
                }
                list.add(item);
            }
            add(list);
        }

        add(new H3("Lineage drift (declared versus observed)"));
        if (review.drift().isEmpty()) {
            Paragraph none = new Paragraph("No lineage drift: the pipeline runs reported for this product read what"
                    + " its input ports declare. (A product whose runs report nothing is not judged.)");
            none.setId("review-no-drift");
            add(none);
        } else {
            DriftList drift = new DriftList(review.drift());
            drift.setId("review-drift");
            add(drift);
        }

        add(new H3("Service levels"));
        if (review.objectives().isEmpty()) {
            add(new Paragraph("No output port's contract declares a service level."));
        } else {
            Grid<ObjectiveReport> objectives = new Grid<>();
            objectives.setId("review-objectives");
            objectives.setAllRowsVisible(true);
            objectives
                    .addColumn(report -> report.objective().outputPort().isEmpty()
                            ? "(product)"
                            : report.objective().outputPort())
                    .setHeader("Port");
            objectives.addColumn(report -> report.objective().declared()).setHeader("Objective");
            objectives
                    .addComponentColumn(report -> measured(report.week(), report.weekMeasured()))
                    .setHeader("Last 7 days");
            objectives
                    .addComponentColumn(report -> measured(report.month(), report.monthMeasured()))
                    .setHeader("Last 30 days");
            objectives.setItems(review.objectives());
            add(objectives, new Paragraph("The product page's SLA tab plots the observations over time."));
        }

        add(new H3("Review"));
        Paragraph state = new Paragraph((review.review().lastReviewedAt() == null
                        ? "Never reviewed."
                        : "Last signed off by " + review.review().lastReviewedBy() + " on "
                                + WHEN.format(review.review().lastReviewedAt()) + ".")
                + " Next review: " + ReviewTexts.due(review.review()) + ".");
        state.setId("review-state");
        add(state);
        if (review.mayReview()) {
            add(signOffForm(review));
        } else {
            add(new Paragraph("Only members of team " + review.product().ownerTeam()
                    + " (or governance) can sign off this product's review."));
        }
        if (!review.signOffs().isEmpty()) {
            UnorderedList past = new UnorderedList();
            past.setId("review-sign-offs");
            review.signOffs()
                    .forEach(signOff -> past.add(new ListItem(
                            WHEN.format(signOff.at()) + " · " + signOff.reviewer() + " · " + signOff.comment())));
            add(new H3("Past sign-offs"), past);
        }
    }

    private VerticalLayout signOffForm(ProductReview review) {
        TextArea comment = new TextArea("Review comment");
        comment.setId("review-comment");
        comment.setWidthFull();
        comment.setMaxLength(ReviewService.MAX_COMMENT);
        comment.setHelperText("What you checked: lineage, SLAs, the warnings above. Kept in the product's history.");
        Button signOff = new Button("Sign off review");
        signOff.setId("review-sign-off");
        signOff.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        signOff.addClickListener(click -> {
            try {
                reviews.signOff(productId, comment.getValue());
                Notification.show("Review signed off; it is in the product's history.");
                show();
            } catch (InvalidDocumentException e) {
                comment.setErrorMessage(e.violations().stream()
                        .map(Violation::message)
                        .findFirst()
                        .orElse(e.getMessage()));
                comment.setInvalid(true);
            } catch (AccessDeniedException e) {
                Notification.show(e.getMessage());
            }
        });
        VerticalLayout form = new VerticalLayout(comment, signOff);
        if (!review.drift().isEmpty()) {
            int items = review.drift().size();
            Paragraph seen = new Paragraph("Signing off records in the product's history that you have seen the "
                    + (items == 1 ? "lineage drift item" : items + " lineage drift items") + ":");
            seen.setId("review-drift-seen");
            UnorderedList messages = new UnorderedList();
            review.drift().forEach(item -> messages.add(new ListItem(item.message())));
            form.addComponentAtIndex(1, seen);
            form.addComponentAtIndex(2, messages);
        }
        form.setPadding(false);
        return form;
    }

    private static Span measured(io.meshport.sla.ComplianceStatus status, String measured) {
        Span text = new Span(ReviewTexts.complianceBadge(status), new Span(" " + measured));
        return text;
    }
}
