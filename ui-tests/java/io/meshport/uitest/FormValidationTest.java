package io.meshport.uitest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.meshport.testing.MeshportTest;
import org.junit.jupiter.api.Test;

/**
 * The form checks as a person types, with the service's rules: no errors before anything is
 * typed, versions that are semantic, names that fit, contract ids that follow the port, a
 * warning for another team's product name, and a refused save that leads to the field.
 */
@MeshportTest
class FormValidationTest extends BrowserTest {

    void type(Locator field, String text) {
        typeAsPerson(field, text, () -> BrowserSupport.awaitVaadin(page));
    }

    void replace(Locator field, String text) {
        field.click();
        field.press("Control+A");
        field.press("Backspace");
        type(field, text);
        field.press("Tab");
        BrowserSupport.awaitVaadin(page);
    }

    Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    Locator invalidFields() {
        return page.locator("vaadin-text-field[invalid], vaadin-combo-box[invalid], vaadin-select[invalid],"
                + " vaadin-text-area[invalid], vaadin-multi-select-combo-box[invalid]");
    }

    @Test
    void an_untouched_form_shows_no_error_and_a_save_without_a_name_goes_to_the_name() {
        openAs("/create", "alice");
        assertThat(field("Name")).isVisible();
        assertThat(invalidFields()).hasCount(0);
        assertThat(page.locator("#form-errors")).isEmpty();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save as draft"))
                .click();
        BrowserSupport.awaitVaadin(page);
        Locator name = page.locator("vaadin-text-field").filter(new Locator.FilterOptions().setHas(field("Name")));
        assertThat(name).hasAttribute("invalid", "");
        assertThat(name).containsText("needs a name");
        assertThat(page.getByText("Not saved: The product needs a name.", new Page.GetByTextOptions().setExact(false)))
                .isVisible();
        assertThat(field("Name")).isFocused();
    }

    @Test
    void versions_must_be_semantic_and_names_fit_in_two_hundred_characters() {
        openAs("/create", "alice");
        type(field("Name"), "Version Checks");
        replace(field("Version"), "one.two");
        Locator version =
                page.locator("vaadin-text-field").filter(new Locator.FilterOptions().setHas(field("Version")));
        assertThat(version).hasAttribute("invalid", "");
        assertThat(version).containsText("not a semantic version");
        replace(field("Version"), "1.2.0");
        assertThat(version).not().hasAttribute("invalid", "");

        replace(field("Contract version"), "not a version");
        Locator contractVersion =
                page.locator("vaadin-text-field").filter(new Locator.FilterOptions().setHas(field("Contract version")));
        assertThat(contractVersion).containsText("not a semantic version");

        // Pasted, as nobody types 201 characters.
        field("Name").fill("n".repeat(201));
        field("Name").press("Tab");
        BrowserSupport.awaitVaadin(page);
        Locator name = page.locator("vaadin-text-field").filter(new Locator.FilterOptions().setHas(field("Name")));
        assertThat(name).containsText("at most 200 characters");
    }

    @Test
    void renaming_a_port_renames_the_suggested_contract_id_and_two_ports_get_two_ids() {
        openAs("/create", "alice");
        type(field("Name"), "Port Renames");
        type(field("Port name"), "orders");
        field("Port name").press("Tab");
        BrowserSupport.awaitVaadin(page);
        assertThat(field("Contract id")).hasValue("port-renames-orders-v1");

        replace(field("Port name"), "order lines");
        assertThat(field("Contract id")).hasValue("port-renames-order-lines-v1");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add output port"))
                .click();
        BrowserSupport.awaitVaadin(page);
        type(field("Port name").nth(1), "orders");
        field("Port name").nth(1).press("Tab");
        BrowserSupport.awaitVaadin(page);
        assertThat(field("Contract id").nth(1)).hasValue("port-renames-orders-v1");
        assertThat(field("Contract id").nth(0)).hasValue("port-renames-order-lines-v1");

        // An id the person typed is theirs: renaming the port leaves it alone.
        replace(field("Contract id").nth(0), "my-own-id");
        replace(field("Port name").nth(0), "lines");
        assertThat(field("Contract id").nth(0)).hasValue("my-own-id");
    }

    @Test
    void bob_is_warned_that_another_team_has_a_product_of_the_same_name() {
        openAs("/create", "bob");
        type(field("Name"), "Sales Orders");
        field("Name").press("Tab");
        BrowserSupport.awaitVaadin(page);
        Locator name = page.locator("vaadin-text-field").filter(new Locator.FilterOptions().setHas(field("Name")));
        assertThat(name).containsText("Team sales already has a product named 'Sales Orders'");
        replace(field("Id"), "bobs-sales-orders");

        type(field("Port name"), "orders");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save as draft"))
                .click();
        assertThat(page.getByText("Another team's product has this name")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel"))
                .click();
        assertThat(page.getByText("Another team's product has this name")).not().isVisible();
    }
}
