package io.meshport.uitest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.meshport.access.AccessRequest;
import io.meshport.access.AccessService;
import io.meshport.access.Agreement;
import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import io.meshport.testing.TestContracts;
import io.meshport.testing.TestInfrastructure;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A contract has a page of its own: a visitor reads its schema with classifications and who
 * provides and consumes it; its owner edits it on its own form; its versions and the diff of a
 * breaking change are there to see. Typed key by key, as a person types.
 */
@MeshportTest
class ContractPageTest extends BrowserTest {

    @Autowired
    AccessService access;

    Locator tab(String name) {
        return page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(name));
    }

    Locator button(String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    Locator exactText(String text) {
        return page.getByText(text, new Page.GetByTextOptions().setExact(true));
    }

    static JsonNode stored(String id) {
        return Api.as("alice")
                .get("/api/v1/data-contracts/" + id, "application/json")
                .json();
    }

    @Test
    void a_visitor_sees_the_schema_with_classifications_and_who_provides_and_consumes_the_contract() {
        String id = TestContracts.withProviderAndReader();
        // Marketing also reads the port directly, under an approved agreement.
        Agreement requested = RunAs.user(
                "bob",
                List.of("marketing"),
                () -> access.request(new AccessRequest(
                        id + "-provider", "orders", null, "Campaign reach.", "marketing", null, null, null)));
        RunAs.user(
                "alice",
                List.of("sales"),
                () -> access.decide(requested.id(), AccessService.Decision.APPROVE, "", null));

        openAs("/contracts", "dave");
        assertThat(page).hasTitle("Data contracts · Meshport");
        Locator filter = page.getByLabel("Filter");
        typeAsPerson(filter, id, () -> assertThat(page.locator("#contracts vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions().setHasText("Page Orders " + id)))
                .hasCount(1));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Page Orders " + id))
                .click();

        page.waitForURL(TestInfrastructure.portalUrl() + "/contracts/" + id);
        assertThat(page).hasTitle("Page Orders " + id + " · Data contract · Meshport");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Page Orders " + id)))
                .isVisible();
        assertThat(button("Edit contract")).hasCount(0);

        tab("Schema").click();
        BrowserSupport.awaitVaadin(page);
        assertThat(page).hasURL(TestInfrastructure.portalUrl() + "/contracts/" + id + "?tab=schema");
        assertThat(exactText("customer_email")).isVisible();
        assertThat(page.locator(".classification-badge").filter(new Locator.FilterOptions().setHasText("restricted")))
                .isVisible();
        assertThat(exactText("address.city")).isVisible();
        assertThat(exactText("primary key")).isVisible();

        tab("Quality").click();
        assertThat(exactText("rowCount mustBeGreaterThan 10")).isVisible();
        tab("Servers").click();
        assertThat(exactText("warehouse")).isVisible();

        tab("Providers and consumers").click();
        BrowserSupport.awaitVaadin(page);
        assertThat(page.locator("#contract-readers").getByText("Reader " + id)).isVisible();
        assertThat(page.locator("#contract-readers").getByText("marketing")).isVisible();
        Locator agreements = page.locator("#contract-agreements");
        assertThat(agreements.getByText("marketing")).isVisible();
        assertThat(agreements.getByText("the team itself")).isVisible();
        assertThat(agreements.getByText("approved agreement")).isVisible();
        page.locator("#contract-providers")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Provider " + id))
                .click();
        page.waitForURL(TestInfrastructure.portalUrl() + "/products/" + id + "-provider");

        // The product page links back to the contract its port offers.
        tab("Ports and contracts").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(id).setExact(true))
                .click();
        page.waitForURL(TestInfrastructure.portalUrl() + "/contracts/" + id);
    }

    @Test
    void an_unknown_or_odd_id_says_there_is_no_such_contract() {
        openAs("/contracts/%E5%A5%91%E7%B4%84-" + "x".repeat(300), "dave");
        assertThat(page.getByRole(AriaRole.HEADING)
                        .filter(new Locator.FilterOptions().setHasText("No data contract '契約-xxx")))
                .isVisible();

        // Signed in already: the address as a link or a person types it.
        page.navigate(TestInfrastructure.portalUrl() + "/contracts/%E5%A5%91%E7%B4%84-" + "x".repeat(300));
        BrowserSupport.awaitVaadin(page);

        assertThat(page.getByRole(AriaRole.HEADING)
                        .filter(new Locator.FilterOptions().setHasText("No data contract '契約-xxx")))
                .isVisible();
        assertThat(page).hasTitle("Not found · Meshport");
    }

    @Test
    void the_owner_edits_a_description_on_the_contracts_form_and_the_page_shows_it_with_the_rest_intact() {
        String id = TestContracts.withProviderAndReader();
        JsonNode before = stored(id);

        openAs("/contracts/" + id, "alice");
        button("Edit contract").click();
        page.waitForURL(TestInfrastructure.portalUrl() + "/contracts/" + id + "/edit");
        assertThat(page).hasTitle("Edit contract " + id + " · Meshport");
        Locator description = page.getByLabel("Description", new Page.GetByLabelOptions().setExact(true))
                .first();
        assertThat(description).hasValue("Identifier.");
        typeAsPerson(description, " Never reused.", () -> {
            description.press("Tab");
            BrowserSupport.awaitVaadin(page);
        });
        button("Save contract").click();

        page.waitForURL(TestInfrastructure.portalUrl() + "/contracts/" + id);
        assertThat(exactText("Saved contract " + id)).isVisible();
        tab("Schema").click();
        assertThat(exactText("Identifier. Never reused.")).isVisible();
        tab("Quality").click();
        assertThat(exactText("nullValues mustBe 0")).isVisible();

        ObjectNode expected = (ObjectNode) before.deepCopy();
        ((ObjectNode) expected.path("schema").get(0).path("properties").get(0))
                .put("description", "Identifier. Never reused.");
        assertThat(stored(id)).isEqualTo(expected);
    }

    @Test
    void another_team_sees_no_edit_button_and_its_form_says_why() {
        String id = TestContracts.withProviderAndReader();

        openAs("/contracts/" + id + "/edit", "bob");

        assertThat(page.getByRole(
                        AriaRole.HEADING, new Page.GetByRoleOptions().setName("You may not edit this contract")))
                .isVisible();
        assertThat(page.getByText("owned by team sales")).isVisible();
        assertThat(button("Save contract")).hasCount(0);
    }

    @Test
    void a_breaking_change_on_the_form_is_refused_next_to_it_until_acknowledged_and_the_versions_show_its_diff() {
        String id = TestContracts.withProviderAndReader();

        openAs("/contracts/" + id + "/edit", "alice");
        Locator version = page.getByLabel("Contract version");
        Locator problems = page.locator("#contract-form-problems");
        version.fill("");
        typeAsPerson(version, "1.3", () -> {
            version.press("Tab");
            BrowserSupport.awaitVaadin(page);
        });
        assertThat(problems).containsText("The contract version is not valid.");
        typeAsPerson(version, ".0", () -> {
            version.press("Tab");
            BrowserSupport.awaitVaadin(page);
        });
        assertThat(problems).isHidden();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove field"))
                .nth(1)
                .click();
        BrowserSupport.awaitVaadin(page);
        button("Save contract").click();

        assertThat(problems).containsText("breaks what team marketing rely on");
        assertThat(problems).isInViewport();
        assertThat(problems).containsText("Removed property orders.customer_email");
        assertThat(button("Publish as version 2.0.0")).isVisible();
        assertThat(page.url()).startsWith(TestInfrastructure.portalUrl() + "/contracts/" + id + "/edit");
        assertThat(stored(id)
                        .path("schema")
                        .get(0)
                        .path("properties")
                        .get(1)
                        .path("name")
                        .asString())
                .isEqualTo("customer_email");

        button("Acknowledge and publish").click();
        page.waitForURL(TestInfrastructure.portalUrl() + "/contracts/" + id);

        tab("Versions").click();
        BrowserSupport.awaitVaadin(page);
        assertThat(page.locator("#contract-versions vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions().setHasText("Breaking")))
                .hasCount(1);
        Locator diff = page.locator("#contract-diff");
        assertThat(page.locator("#contract-versions vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions().setHasText("1.3.0")))
                .hasCount(1);
        assertThat(diff).containsText("From 1.2.0 to 1.3.0");
        assertThat(diff).containsText("1 breaking");
        assertThat(diff.locator("li").filter(new Locator.FilterOptions().setHasText("customer_email")))
                .containsText("Breaking");
    }

    @Test
    void of_two_owners_editing_the_contract_the_second_save_is_refused_beside_the_form_and_the_first_stays() {
        String id = TestContracts.withProviderAndReader();
        openAs("/contracts/" + id + "/edit", "carol");
        Page carols = page;
        com.microsoft.playwright.BrowserContext alicesContext = browser.newContext();
        try {
            page = alicesContext.newPage();
            openAs("/contracts/" + id + "/edit", "alice");
            Locator alicesDescription = page.getByLabel("Description", new Page.GetByLabelOptions().setExact(true))
                    .first();
            typeAsPerson(alicesDescription, " By alice.", () -> {
                alicesDescription.press("Tab");
                BrowserSupport.awaitVaadin(page);
            });
            button("Save contract").click();
            page.waitForURL(TestInfrastructure.portalUrl() + "/contracts/" + id);
        } finally {
            alicesContext.close();
            page = carols;
        }

        Locator carolsDescription = page.getByLabel("Description", new Page.GetByLabelOptions().setExact(true))
                .first();
        typeAsPerson(carolsDescription, " By carol.", () -> {
            carolsDescription.press("Tab");
            BrowserSupport.awaitVaadin(page);
        });
        button("Save contract").click();

        Locator problems = page.locator("#contract-form-problems");
        assertThat(problems).containsText("someone else saved this contract since you opened it");
        assertThat(problems).isInViewport();
        assertThat(button("Reload the newer version")).isVisible();
        assertThat(carolsDescription).hasValue("Identifier. By carol.");
        assertThat(stored(id)
                        .path("schema")
                        .get(0)
                        .path("properties")
                        .get(0)
                        .path("description")
                        .asString())
                .isEqualTo("Identifier. By alice.");
    }
}
