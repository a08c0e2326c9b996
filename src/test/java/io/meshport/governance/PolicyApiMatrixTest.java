package io.meshport.governance;

import static io.meshport.governance.ApiPolicies.BASE;
import static io.meshport.governance.ApiPolicies.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who may do what with policies, over the demo users and a pipeline: everyone signed in reads
 * policies, their history, compliance and trust; only governance (carol, in mesh-admins) writes,
 * previews and retires, and a refused change leaves everything as it was.
 */
@MeshportTest
class PolicyApiMatrixTest {

    static final List<String> EVERYONE = List.of("alice", "bob", "carol", "dave", "sales-ci");
    static final List<String> NOT_GOVERNANCE = List.of("alice", "bob", "dave", "sales-ci");

    final ApiPolicies policies = new ApiPolicies();
    String policy;
    String product;
    long revision;

    @BeforeEach
    void aPolicyAndAProductItCovers() {
        policy = policies.policyId("matrix");
        revision = ApiPolicies.save(policy, policies.purposePolicy("advisory"))
                .json()
                .path("revision")
                .asLong();
        product = policies.productId("matrix");
        policies.published("alice", product, "sales", "short");
    }

    @AfterEach
    void retirePolicies() {
        policies.retireAll();
    }

    @Test
    void everyone_signed_in_reads_policies_their_history_compliance_and_trust() {
        for (String caller : EVERYONE) {
            Api api = Api.as(caller);
            assertThat(api.get(BASE, JSON).status()).as(caller + " lists").isEqualTo(200);
            assertThat(api.get(BASE + "/" + policy, JSON).status())
                    .as(caller + " reads")
                    .isEqualTo(200);
            assertThat(api.get(BASE + "/" + policy + "/history", JSON).status())
                    .as(caller + " reads the history")
                    .isEqualTo(200);
            Api.Response compliance = api.get("/api/v1/data-products/" + product + "/compliance", JSON);
            assertThat(compliance.status()).as(caller + " reads compliance").isEqualTo(200);
            assertThat(compliance.json().valueStream().map(r -> r.path("policy").asString()))
                    .contains(policy);
            assertThat(api.get("/api/v1/data-products/" + product + "/trust", JSON)
                            .status())
                    .as(caller + " reads trust")
                    .isEqualTo(200);
        }
    }

    @Test
    void only_governance_creates_a_policy() {
        for (String caller : NOT_GOVERNANCE) {
            String id = policies.policyId("new-" + caller);
            Api.Response refused = ApiPolicies.put(caller, id, ApiPolicies.json(policies.purposePolicy("advisory")));
            assertThat(refused.status()).as(caller + ": " + refused).isEqualTo(403);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(Api.as("carol").get(BASE + "/" + id, JSON).status())
                    .as(caller + "'s policy is not stored")
                    .isEqualTo(404);
        }
        String id = policies.policyId("new-carol");
        assertThat(ApiPolicies.put("carol", id, ApiPolicies.json(policies.purposePolicy("advisory")))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void only_governance_changes_enforces_or_retires_a_policy() {
        ObjectNode enforced = policies.purposePolicy("enforced");
        for (String caller : NOT_GOVERNANCE) {
            Api.Response changed = ApiPolicies.put(caller, policy, ApiPolicies.json(enforced));
            assertThat(changed.status()).as(caller + ": " + changed).isEqualTo(403);
            Api.Response retired = Api.as(caller).delete(BASE + "/" + policy);
            assertThat(retired.status()).as(caller + ": " + retired).isEqualTo(403);
            assertThat(retired.header("Content-Type")).startsWith("application/problem+json");
        }
        Api.Response unchanged = Api.as("carol").get(BASE + "/" + policy, JSON);
        assertThat(unchanged.json().path("revision").asLong()).isEqualTo(revision);
        assertThat(unchanged.json().path("mode").asString()).isEqualTo("advisory");
        assertThat(unchanged.json().path("retiredAt").isNull()).isTrue();
        assertThat(Api.as("carol")
                        .get(BASE + "/" + policy + "/history", JSON)
                        .json()
                        .size())
                .isEqualTo(1);

        assertThat(ApiPolicies.put("carol", policy, ApiPolicies.json(enforced)).status())
                .isEqualTo(200);
        assertThat(Api.as("carol").delete(BASE + "/" + policy).status()).isEqualTo(204);
    }

    @Test
    void only_governance_previews_a_policy() {
        String body = ApiPolicies.json(policies.purposePolicy("enforced"));
        for (String caller : NOT_GOVERNANCE) {
            Api.Response preview = Api.as(caller).post(BASE + "/" + policy + "/preview", body, JSON);
            assertThat(preview.status()).as(caller + ": " + preview).isEqualTo(403);
        }
        Api.Response preview = Api.as("carol").post(BASE + "/" + policy + "/preview", body, JSON);
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.json().path("violating").asLong()).isEqualTo(1);
    }

    @Test
    void without_a_token_every_call_is_401() {
        Api anonymous = Api.anonymous();
        String body = ApiPolicies.json(policies.purposePolicy("advisory"));
        assertThat(anonymous.get(BASE, JSON).status()).isEqualTo(401);
        assertThat(anonymous.get(BASE + "/" + policy, JSON).status()).isEqualTo(401);
        assertThat(anonymous.get(BASE + "/" + policy + "/history", JSON).status())
                .isEqualTo(401);
        assertThat(anonymous.put(BASE + "/" + policy, body, JSON).status()).isEqualTo(401);
        assertThat(anonymous.post(BASE + "/" + policy + "/preview", body, JSON).status())
                .isEqualTo(401);
        assertThat(anonymous.delete(BASE + "/" + policy).status()).isEqualTo(401);
        assertThat(anonymous
                        .get("/api/v1/data-products/" + product + "/compliance", JSON)
                        .status())
                .isEqualTo(401);
        assertThat(anonymous
                        .get("/api/v1/data-products/" + product + "/trust", JSON)
                        .status())
                .isEqualTo(401);
        assertThat(Api.as("carol")
                        .get(BASE + "/" + policy, JSON)
                        .json()
                        .path("revision")
                        .asLong())
                .isEqualTo(revision);
    }
}
