package io.meshport.publishing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import io.meshport.catalog.RefusedByPolicyException;
import io.meshport.catalog.Violation;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A save refused by an enforced policy is said next to the form: at the top (the policy's title,
 * linking to its page, and what it asks) and at the field its path points at; a policy that points
 * at no field of the form is said at the top alone. The live checks, which know no policies, do
 * not wipe it; the next save does.
 */
class PolicyRefusalInFormTest {

    private final ProductFields fields = new ProductFields(List.of(), List.of("sales"), false, () -> {});
    private final FormProblems problems = new FormProblems(fields, List.of(), List.of());

    private static final RefusedByPolicyException.BrokenPolicy PURPOSE = new RefusedByPolicyException.BrokenPolicy(
            "purpose-of-substance", "Purpose of substance", "high", "Say in 40 characters what it is for.");
    private static final RefusedByPolicyException.BrokenPolicy SUPPORT = new RefusedByPolicyException.BrokenPolicy(
            "support-channel", "A support channel", "medium", "Name a support channel.");

    @Test
    void a_policy_with_a_path_of_the_form_is_said_at_that_field_and_at_the_top() {
        problems.saveAttempted();
        List<Violation> violations = List.of(new Violation(
                "/description/purpose",
                "Policy 'Purpose of substance' (enforced): Say in 40 characters what it is for."));

        problems.refusedByPolicy(List.of(PURPOSE), violations);
        problems.show(List.of());

        assertThat(fields.purpose.isInvalid()).isTrue();
        assertThat(fields.purpose.getErrorMessage())
                .isEqualTo("Policy 'Purpose of substance' (enforced): Say in 40 characters what it is for.");
        assertThat(problems.refusal().isVisible()).isTrue();
        assertThat(text(problems.refusal()))
                .contains("Not saved: the product would break an enforced policy.")
                .contains("Purpose of substance")
                .contains("(severity high): Say in 40 characters what it is for.")
                .contains("See the field Purpose (Markdown).")
                .contains("Nothing was saved.");
        assertThat(links(problems.refusal())).containsExactly("governance/policies/purpose-of-substance");
    }

    @Test
    void a_policy_without_a_field_in_the_form_is_said_at_the_top_only_and_not_twice() {
        problems.saveAttempted();
        List<Violation> violations = List.of(
                new Violation("", "Policy 'A support channel' (enforced): Name a support channel."),
                new Violation("/support", "Policy 'Purpose of substance' (enforced): Say in 40 characters."));

        problems.refusedByPolicy(List.of(SUPPORT, PURPOSE), violations);
        problems.show(List.of());

        assertThat(fields.all()).noneMatch(field -> field.isInvalid());
        assertThat(text(problems.refusal()))
                .contains("the product would break 2 enforced policies.")
                .contains("A support channel")
                .contains("Name a support channel.")
                .doesNotContain("See the field");
        // The list of problems without a field does not repeat what the refusal says.
        assertThat(problems.errors().getChildren()).isEmpty();
    }

    @Test
    void the_live_checks_keep_the_refusal_and_the_next_save_clears_it() {
        problems.saveAttempted();
        problems.refusedByPolicy(
                List.of(PURPOSE),
                List.of(new Violation("/description/purpose", "Policy 'Purpose of substance' (enforced): short.")));
        problems.show(List.of());

        problems.show(List.of(new Violation("/version", "'x' is not a semantic version.")));

        assertThat(fields.version.isInvalid()).isTrue();
        assertThat(fields.purpose.isInvalid()).isTrue();
        assertThat(problems.refusal().isVisible()).isTrue();

        problems.saveAttempted();
        problems.show(List.of());

        assertThat(fields.purpose.isInvalid()).isFalse();
        assertThat(problems.refusal().isVisible()).isFalse();
        assertThat(problems.refusal().getChildren()).isEmpty();
    }

    private static String text(Component root) {
        return root.getElement().getTextRecursively();
    }

    private static List<String> links(Component root) {
        return all(root)
                .filter(Anchor.class::isInstance)
                .map(c -> ((Anchor) c).getHref())
                .toList();
    }

    private static Stream<Component> all(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(PolicyRefusalInFormTest::all));
    }
}
