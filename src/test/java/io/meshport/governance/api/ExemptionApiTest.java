package io.meshport.governance.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.governance.ComplianceResult;
import io.meshport.governance.EnforceOn;
import io.meshport.governance.GovernanceService;
import io.meshport.governance.PolicyDefinition;
import io.meshport.governance.PolicyMode;
import io.meshport.governance.PolicyScope;
import io.meshport.governance.Severity;
import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /api/v1/policies/{id}/exemptions}: governance excuses a product from a policy until a
 * date; everyone reads the exemptions; every mistake a client makes is a 4xx problem naming the
 * field. The policy covers only this test's tag and is retired afterwards.
 */
@MeshportTest
class ExemptionApiTest {

    @Autowired
    GovernanceService governance;

    @Autowired
    CatalogService catalog;

    private final String tag = "ex-" + UUID.randomUUID().toString().substring(0, 8);
    private final String policy = "purpose-" + tag;
    private final String product = "p-" + tag;
    private final String path = "/api/v1/policies/" + policy + "/exemptions/" + product;

    @BeforeEach
    void aPolicyAndAProductThatBreaksIt() {
        asCarol(() -> governance.save(
                policy,
                new PolicyDefinition(
                        "Purpose " + tag,
                        "",
                        Severity.MEDIUM,
                        PolicyMode.ADVISORY,
                        EnforceOn.PUBLISH,
                        new PolicyScope(List.of(), List.of(), List.of(tag), List.of()),
                        "has(product.description) && size(product.description.purpose) >= 40",
                        null,
                        null,
                        true),
                null));
        String yaml = "apiVersion: v1.0.0\nkind: DataProduct\nid: " + product + "\nname: Exempt " + tag
                + "\nstatus: draft\ntags: [" + tag + "]\ndescription:\n  purpose: short\nteam:\n  name: sales\n";
        RunAs.user(
                "alice",
                List.of("sales"),
                () -> catalog.publishProduct(product, yaml, DocumentFormat.YAML, null, null));
    }

    @AfterEach
    void retirePolicy() {
        asCarol(() -> {
            if (governance.policy(policy).filter(p -> p.retiredAt() == null).isPresent()) {
                governance.retire(policy);
            }
            return null;
        });
    }

    @Test
    void governance_grants_replaces_and_revokes_an_exemption_and_everyone_reads_it() {
        String day = today().plusDays(30).toString();
        Api.Response granted = Api.as("carol").put(path, body("Support desk moves in March.", day), "application/json");
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        assertThat(granted.json().path("policyId").asString()).isEqualTo(policy);
        assertThat(granted.json().path("productId").asString()).isEqualTo(product);
        assertThat(granted.json().path("productName").asString()).isEqualTo("Exempt " + tag);
        assertThat(granted.json().path("reason").asString()).isEqualTo("Support desk moves in March.");
        assertThat(granted.json().path("grantedBy").asString()).isNotBlank();
        // A day means through that day: the exemption ends as the next begins (UTC).
        Instant ends = today().plusDays(31).atStartOfDay(ZoneOffset.UTC).toInstant();
        assertThat(Instant.parse(granted.json().path("expiresAt").asString())).isEqualTo(ends);
        assertThat(compliance().exemptUntil()).isEqualTo(ends);
        assertThat(compliance().passed()).isTrue();

        Api.Response replaced = Api.as("carol").put(path, body("Later: “the desk” 🚚", day), "application/json");
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);

        for (String user : List.of("alice", "dave")) {
            Api.Response ofPolicy = Api.as(user).get("/api/v1/policies/" + policy + "/exemptions", "application/json");
            assertThat(ofPolicy.status()).isEqualTo(200);
            assertThat(ofPolicy.json()).hasSize(1);
            assertThat(ofPolicy.json().get(0).path("reason").asString()).isEqualTo("Later: “the desk” 🚚");
            Api.Response ofProduct =
                    Api.as(user).get("/api/v1/data-products/" + product + "/exemptions", "application/json");
            assertThat(ofProduct.status()).isEqualTo(200);
            assertThat(ofProduct.json().get(0).path("policyId").asString()).isEqualTo(policy);
        }

        assertThat(Api.as("carol").delete(path).status()).isEqualTo(204);
        assertThat(compliance().passed()).isFalse();
        assertThat(compliance().exemptUntil()).isNull();
        assertThat(Api.as("carol").delete(path).status()).isEqualTo(404);
        assertThat(Api.as("alice")
                        .get("/api/v1/policies/" + policy + "/exemptions", "application/json")
                        .json())
                .isEmpty();
    }

    @Test
    void only_governance_grants_or_revokes() {
        String day = today().plusDays(5).toString();
        assertThat(Api.as("alice")
                        .put(path, body("mine", day), "application/json")
                        .status())
                .isEqualTo(403);
        assertThat(Api.as("dave")
                        .put(path, body("mine", day), "application/json")
                        .status())
                .isEqualTo(403);
        assertThat(Api.as("carol")
                        .put(path, body("ok", day), "application/json")
                        .status())
                .isEqualTo(201);
        assertThat(Api.as("alice").delete(path).status()).isEqualTo(403);
        assertThat(compliance().passed()).isTrue();
    }

    @Test
    void odd_input_is_a_problem_naming_the_field_and_grants_nothing() {
        String day = today().plusDays(5).toString();
        assertProblem(Api.as("carol").put(path, "", "application/json"), 400, "");
        assertProblem(Api.as("carol").put(path, "{not json", "application/json"), 400, "");
        assertProblem(Api.as("carol").put(path, "[1, 2]", "application/json"), 400, "");
        assertProblem(
                Api.as("carol").put(path, "{\"expiresAt\": \"" + day + "\"}", "application/json"), 400, "/reason");
        assertProblem(Api.as("carol").put(path, body("   ", day), "application/json"), 400, "/reason");
        assertProblem(
                Api.as("carol").put(path, "{\"reason\": 42, \"expiresAt\": \"" + day + "\"}", "application/json"),
                400,
                "/reason");
        assertProblem(Api.as("carol").put(path, body("x".repeat(2001), day), "application/json"), 400, "/reason");
        assertProblem(Api.as("carol").put(path, body("nul \\u0000 here", day), "application/json"), 400, "/reason");
        assertProblem(Api.as("carol").put(path, "{\"reason\": \"r\"}", "application/json"), 400, "/expiresAt");
        assertProblem(Api.as("carol").put(path, body("r", "tomorrow"), "application/json"), 400, "/expiresAt");
        assertProblem(Api.as("carol").put(path, body("r", "2027-02-30"), "application/json"), 400, "/expiresAt");
        assertProblem(
                Api.as("carol").put(path, "{\"reason\": \"r\", \"expiresAt\": 20270101}", "application/json"),
                400,
                "/expiresAt");
        assertProblem(
                Api.as("carol").put(path, body("r", today().minusDays(1).toString()), "application/json"),
                400,
                "/expiresAt");
        assertProblem(
                Api.as("carol").put(path, body("r", today().plusYears(2).toString()), "application/json"),
                400,
                "/expiresAt");
        assertProblem(
                Api.as("carol")
                        .put(
                                path,
                                "{\"reason\": \"r\", \"expiresAt\": \"" + day + "\", \"until\": 1}",
                                "application/json"),
                400,
                "/until");
        assertThat(compliance().passed()).isFalse();

        assertThat(Api.as("carol")
                        .put(
                                "/api/v1/policies/no-such-" + tag + "/exemptions/" + product,
                                body("r", day),
                                "application/json")
                        .status())
                .isEqualTo(404);
        assertThat(Api.as("carol")
                        .put(
                                "/api/v1/policies/" + policy + "/exemptions/no-such-" + tag,
                                body("r", day),
                                "application/json")
                        .status())
                .isEqualTo(404);
        assertThat(Api.as("alice")
                        .get("/api/v1/policies/no-such-" + tag + "/exemptions", "application/json")
                        .status())
                .isEqualTo(404);
        assertThat(Api.as("alice")
                        .get("/api/v1/data-products/no-such-" + tag + "/exemptions", "application/json")
                        .status())
                .isEqualTo(404);
        // Ids no policy or product can have: a client problem too, never a fault.
        for (String odd : List.of("a%00b", "%F0%9F%9A%9A", "x".repeat(2000))) {
            assertThat(Api.as("alice")
                            .get("/api/v1/policies/" + odd + "/exemptions", "application/json")
                            .status())
                    .as(odd)
                    .isBetween(400, 499);
            assertThat(Api.as("carol")
                            .put(
                                    "/api/v1/policies/" + policy + "/exemptions/" + odd,
                                    body("r", day),
                                    "application/json")
                            .status())
                    .as(odd)
                    .isBetween(400, 499);
        }
        // A year ahead, to the day, is the longest an exemption lasts.
        assertThat(Api.as("carol")
                        .put(path, body("a year", today().plusYears(1).toString()), "application/json")
                        .status())
                .isEqualTo(201);
    }

    private static void assertProblem(Api.Response response, int status, String pointer) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        if (!pointer.isEmpty()) {
            assertThat(response.pointers()).as(response.toString()).contains(pointer);
        }
    }

    private ComplianceResult compliance() {
        return RunAs.user("alice", List.of("sales"), () -> governance.compliance(product)).stream()
                .filter(result -> result.policyId().equals(policy))
                .findFirst()
                .orElseThrow();
    }

    private static String body(String reason, String expiresAt) {
        return "{\"reason\": \"" + reason + "\", \"expiresAt\": \"" + expiresAt + "\"}";
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static <T> T asCarol(Supplier<T> work) {
        return RunAs.user("carol", List.of("finance", "mesh-admins"), work);
    }
}
