package io.meshport.governance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each product's trust score: policies kept (40 points), service levels met (20), review current
 * (15), documentation complete (15), agreements honoured (10), every part explained
 * (docs/decisions/0026-governance-policies.md).
 */
@Component
class TrustScores {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final JdbcClient jdbc;

    TrustScores(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    TrustScore score(
            ProductFacts product, List<ResultStore.Result> results, Map<String, Policy> policies, Instant now) {
        List<TrustScore.Point> points = new ArrayList<>();
        points.add(policies(results, policies));
        points.add(sla(product));
        points.add(review(product));
        points.add(documentation(product));
        points.add(agreements(product));
        int score = points.stream().mapToInt(TrustScore.Point::earned).sum();
        return new TrustScore(Math.max(0, Math.min(100, score)), points, now);
    }

    private static TrustScore.Point policies(List<ResultStore.Result> results, Map<String, Policy> policies) {
        int max = 40;
        if (results.isEmpty()) {
            return new TrustScore.Point("policies", max, max, "No policy applies to this product.");
        }
        int lost = 0;
        List<String> broken = new ArrayList<>();
        for (ResultStore.Result result : results) {
            if (result.violated()) {
                Policy policy = policies.get(result.policyId());
                Severity severity =
                        policy == null ? Severity.MEDIUM : policy.definition().severity();
                int weight =
                        switch (severity) {
                            case CRITICAL -> 40;
                            case HIGH -> 20;
                            case MEDIUM -> 10;
                            case LOW -> 5;
                        };
                lost += weight;
                broken.add("'"
                        + (policy == null
                                ? result.policyId()
                                : policy.definition().title()) + "' (" + severity.value() + ", −" + weight + ")");
            }
        }
        long kept = results.stream().filter(ResultStore.Result::passed).count();
        long exempt = results.stream()
                .filter(result -> result.passed() && result.exemptUntil() != null)
                .count();
        String reason = "Keeps " + kept + " of " + count(results.size(), "policy", "policies")
                + (exempt == 0 ? "" : " (" + exempt + " only by an exemption)")
                + (broken.isEmpty() ? "." : "; breaks " + String.join(", ", broken) + ".");
        return new TrustScore.Point("policies", Math.max(0, max - lost), max, reason);
    }

    private static TrustScore.Point sla(ProductFacts product) {
        Object status = map(product.variables().get("sla")).get("status");
        return switch (String.valueOf(status)) {
            case "met" -> new TrustScore.Point("sla", 20, 20, "Every measured objective met over 30 days.");
            case "at_risk" -> new TrustScore.Point("sla", 12, 20, "An objective is at risk over 30 days.");
            case "breached" -> new TrustScore.Point("sla", 0, 20, "An objective was breached over 30 days.");
            default -> new TrustScore.Point("sla", 10, 20, "No measurements yet: its service levels are unproven.");
        };
    }

    private static TrustScore.Point review(ProductFacts product) {
        Map<String, Object> review = map(product.variables().get("review"));
        if (Boolean.TRUE.equals(review.get("overdue"))) {
            return new TrustScore.Point("review", 0, 15, "Review overdue since " + review.get("due") + ".");
        }
        if (String.valueOf(review.get("due")).isEmpty()) {
            return new TrustScore.Point("review", 10, 15, "Not active, so not reviewed.");
        }
        if (String.valueOf(review.get("lastReviewedAt")).isEmpty()) {
            return new TrustScore.Point("review", 10, 15, "Never reviewed yet; due " + review.get("due") + ".");
        }
        return new TrustScore.Point("review", 15, 15, "Reviewed; next review due " + review.get("due") + ".");
    }

    private static TrustScore.Point documentation(ProductFacts product) {
        Map<String, Object> document = map(product.variables().get("product"));
        Map<String, Object> description = map(document.get("description"));
        int earned = 0;
        List<String> missing = new ArrayList<>();
        if (String.valueOf(description.getOrDefault("purpose", "")).strip().length() >= 40) {
            earned += 5;
        } else {
            missing.add("a purpose of 40 characters or more (5)");
        }
        if (!text(description.get("limitations")).isBlank()
                || !text(description.get("usage")).isBlank()) {
            earned += 3;
        } else {
            missing.add("limitations or usage (3)");
        }
        if (document.get("tags") instanceof List<?> tags && !tags.isEmpty()) {
            earned += 2;
        } else {
            missing.add("tags (2)");
        }
        if (document.get("support") instanceof List<?> support && !support.isEmpty()) {
            earned += 3;
        } else {
            missing.add("a support channel (3)");
        }
        boolean described = document.get("outputPorts") instanceof List<?> ports
                && !ports.isEmpty()
                && ports.stream()
                        .allMatch(port -> !text(map(port).get("description")).isBlank());
        if (described) {
            earned += 2;
        } else {
            missing.add("a description of every output port (2)");
        }
        return new TrustScore.Point(
                "documentation",
                earned,
                15,
                missing.isEmpty()
                        ? "Purpose, usage, tags, support and ports all documented."
                        : "Missing " + String.join(", ", missing) + ".");
    }

    private static TrustScore.Point agreements(ProductFacts product) {
        if (!(product.variables().get("agreements") instanceof List<?> agreements) || agreements.isEmpty()) {
            return new TrustScore.Point("agreements", 10, 10, "No approved agreements to honour yet.");
        }
        long failed = agreements.stream()
                .filter(a -> "failed".equals(map(a).get("provisioning")))
                .count();
        long pending = agreements.stream()
                .filter(a ->
                        !"granted".equals(map(a).get("provisioning")) && !"failed".equals(map(a).get("provisioning")))
                .count();
        int earned = (int) Math.round(10.0 * (agreements.size() - failed - pending * 0.5) / agreements.size());
        return new TrustScore.Point(
                "agreements",
                Math.max(0, earned),
                10,
                count(agreements.size(), "approved agreement", "approved agreements") + ": "
                        + (agreements.size() - failed - pending) + " provisioned, " + pending + " pending, " + failed
                        + " failed.");
    }

    /** Stores the scores of many products in one statement. */
    void store(Map<String, TrustScore> scores) {
        if (scores.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into product_trust (product_id, score, points, evaluated_at)
                        select t.product, t.score, cast(t.points as jsonb), t.at
                          from unnest(cast(:products as text[]), cast(:scores as int[]), cast(:points as text[]),
                                      cast(:at as timestamptz[])) as t(product, score, points, at)
                        on conflict (product_id) do update
                           set score = excluded.score, points = excluded.points, evaluated_at = excluded.evaluated_at
                        """)
                .param("products", scores.keySet().toArray(String[]::new))
                .param(
                        "scores",
                        scores.values().stream()
                                .map(score -> String.valueOf(score.score()))
                                .toArray(String[]::new))
                .param(
                        "points",
                        scores.values().stream()
                                .map(score -> JSON.writeValueAsString(score.points()))
                                .toArray(String[]::new))
                .param(
                        "at",
                        scores.values().stream()
                                .map(score -> score.evaluatedAt().toString())
                                .toArray(String[]::new))
                .update();
    }

    Optional<TrustScore> find(String productId) {
        return jdbc.sql("select score, points::text, evaluated_at from product_trust where product_id = :product")
                .param("product", productId)
                .query((rs, row) -> new TrustScore(
                        rs.getInt(1),
                        JSON.readValue(rs.getString(2), new TypeReference<List<TrustScore.Point>>() {}),
                        rs.getTimestamp(3).toInstant()))
                .optional();
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static String text(Object value) {
        return value instanceof String text ? text : "";
    }
}
