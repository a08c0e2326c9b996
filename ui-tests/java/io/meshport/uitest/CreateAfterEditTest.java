package io.meshport.uitest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Create after Edit: the router keeps the form's view from one to the other, and the new
 * product's form must not inherit the edited product's status (an active one hid Publish).
 */
@MeshportTest
class CreateAfterEditTest extends BrowserTest {

    @Autowired
    CatalogService catalog;

    Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void a_new_product_can_be_published_after_editing_an_active_one() {
        String id = "create-after-edit-" + ThreadLocalRandom.current().nextInt(1_000_000);
        String contract = id + "-v1";
        String contractYaml = "apiVersion: v3.1.0\nkind: DataContract\nid: " + contract
                + "\nversion: 1.0.0\nstatus: active\nslaProperties:\n  - property: latency\n    value: '1'\n    unit: 'd'\n";
        String product = "apiVersion: v1.0.0\nkind: DataProduct\nid: " + id + "\nname: Active Before Create\n"
                + "status: active\ndomain: form-tests\ndescription:\n  purpose: Edited, then left.\n"
                + "team:\n  name: sales\noutputPorts:\n  - name: out\n    version: 1.0.0\n    contractId: " + contract
                + "\n";
        RunAs.user("alice", List.of("sales"), () -> {
            catalog.publishContract(null, contractYaml, DocumentFormat.YAML, "sales", null);
            return catalog.publishProduct(id, product, DocumentFormat.YAML, null, null);
        });

        openAs("/products/" + id + "/edit", "alice");
        assertThat(page.getByRole(AriaRole.BUTTON, named("Deprecate…"))).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, named("Publish"))).isHidden();

        page.getByRole(AriaRole.LINK, named("Create")).click();
        assertThat(page).hasTitle("Create · Meshport");
        BrowserSupport.awaitVaadin(page);

        assertThat(page.getByRole(AriaRole.BUTTON, named("Publish"))).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, named("Save as draft"))).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, named("Deprecate…"))).isHidden();
    }
}
