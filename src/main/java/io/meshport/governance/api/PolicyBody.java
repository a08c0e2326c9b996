package io.meshport.governance.api;

import io.meshport.catalog.DocumentFormat;
import io.meshport.catalog.JsonBody;
import io.meshport.catalog.Violation;
import io.meshport.governance.EnforceOn;
import io.meshport.governance.InvalidPolicyException;
import io.meshport.governance.PolicyDefinition;
import io.meshport.governance.PolicyMode;
import io.meshport.governance.PolicyScope;
import io.meshport.governance.Severity;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A policy definition as a client sends it ({@code PUT} and the preview), in JSON or YAML, read
 * field by field. What the body gets wrong is reported together with what the service's own check
 * finds in the rest (a rule that does not compile, a title too long), so one answer lists it all.
 */
final class PolicyBody {

    static final Set<String> FIELDS = Set.of(
            "id",
            "title",
            "description",
            "severity",
            "mode",
            "enforceOn",
            "scope",
            "rule",
            "path",
            "message",
            "enabled",
            // What GET adds; accepted and ignored, so that a policy read can be written back as it is.
            "builtIn",
            "revision",
            "createdAt",
            "updatedAt",
            "updatedBy",
            "retiredAt",
            "inScope",
            "passing",
            "failing",
            "exempt",
            "passRate");

    static final Set<String> SCOPE_FIELDS = Set.of("domains", "statuses", "tags", "portTypes");

    private PolicyBody() {}

    /**
     * The definition in the body, or every violation found in it as an {@link
     * InvalidPolicyException}.
     *
     * @param id the policy's id in the path; the body may repeat it, not contradict it
     * @param check the service's check of a definition, run over what could be read
     */
    static PolicyDefinition read(
            byte @Nullable [] body,
            DocumentFormat format,
            String id,
            Function<PolicyDefinition, List<Violation>> check) {
        JsonBody json = JsonBody.read(body, format, "policy", FIELDS, false, InvalidPolicyException::new);
        String named = json.text("id", false);
        if (named != null && !named.equals(id)) {
            json.violation(
                    "id",
                    "The body names policy '" + named + "', the path '" + id + "'; leave id out or make"
                            + " them equal.");
        }
        String title = json.text("title", true);
        String description = json.text("description", false);
        Severity severity = choice(json, "severity", Severity.values(), Severity::value, Severity.MEDIUM);
        PolicyMode mode = choice(json, "mode", PolicyMode.values(), PolicyMode::value, PolicyMode.ADVISORY);
        EnforceOn enforceOn = choice(json, "enforceOn", EnforceOn.values(), EnforceOn::value, EnforceOn.PUBLISH);
        JsonBody scope = json.object("scope", SCOPE_FIELDS);
        PolicyScope scoped = new PolicyScope(
                scope.texts("domains"), scope.texts("statuses"), scope.texts("tags"), scope.texts("portTypes"));
        String rule = json.text("rule", true);
        String path = json.text("path", false);
        String message = json.text("message", false);
        boolean enabled = json.flag("enabled", true);
        PolicyDefinition definition = new PolicyDefinition(
                title == null ? "" : title.strip(),
                description == null ? "" : description,
                severity,
                mode,
                enforceOn,
                scoped,
                rule == null ? "" : rule,
                path == null || path.isBlank() ? null : path.strip(),
                message == null || message.isBlank() ? null : message.strip(),
                enabled);
        if (!json.valid()) {
            List<Violation> all = new ArrayList<>(json.violations());
            Set<String> reported = new HashSet<>();
            all.forEach(violation -> reported.add(violation.pointer()));
            check.apply(definition).stream()
                    .filter(violation -> !reported.contains(violation.pointer()))
                    .forEach(all::add);
            throw new InvalidPolicyException(
                    "Invalid policy", all.stream().limit(20).toList());
        }
        return definition;
    }

    private static <E> E choice(JsonBody json, String field, E[] values, Function<E, String> value, E otherwise) {
        List<String> words = Arrays.stream(values).map(value).toList();
        String word = json.oneOf(field, false, words);
        if (word == null) {
            return otherwise;
        }
        return Arrays.stream(values)
                .filter(candidate -> value.apply(candidate).equals(word))
                .findFirst()
                .orElse(otherwise);
    }

    // ------------------------------------------------------------ for the OpenAPI document only

    @Schema(
            name = "PolicyDefinition",
            description = "A global policy as governance writes it. A policy read with GET may be sent back as it"
                    + " is: the members GET adds (revision, counts, ...) are ignored.")
    record Definition(
            @Schema(description = "a short name", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200)
            String title,

            @Schema(description = "Markdown: why the policy exists and how to keep it", maxLength = 20_000) @Nullable
            String description,

            @Schema(
                    allowableValues = {"low", "medium", "high", "critical"},
                    defaultValue = "medium",
                    description = "how much a violation weighs in the trust score")
            @Nullable
            String severity,

            @Schema(
                    allowableValues = {"advisory", "enforced"},
                    defaultValue = "advisory",
                    description = "advisory: violations are shown; enforced: a write that would break it is refused")
            @Nullable
            String mode,

            @Schema(
                    allowableValues = {"publish", "activation"},
                    defaultValue = "publish",
                    description = "when an enforced policy refuses: on every write that newly breaks it, or when a"
                            + " product that breaks it is made active")
            @Nullable
            String enforceOn,

            @Schema(description = "which products it covers; omitted or empty: all") @Nullable
            ScopeSchema scope,

            @Schema(
                    description = "a CEL expression that is true when a product keeps the policy, over product,"
                            + " contracts, fields, lineage, sla, review, agreements, now and today",
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    maxLength = 4_000,
                    example = "size(product.description.purpose.trim()) >= 40")
            String rule,

            @Schema(
                    description = "a JSON Pointer into the product's document that a violation points at",
                    example = "/description/purpose")
            @Nullable
            String path,

            @Schema(description = "what a violation tells the owner; omitted: the title", maxLength = 1_000) @Nullable
            String message,

            @Schema(description = "whether it is evaluated at all", defaultValue = "true") @Nullable
            Boolean enabled) {}

    @Schema(
            name = "PolicyScope",
            description = "Each list narrows when not empty (a product must match one of its values).")
    record ScopeSchema(
            @Nullable List<String> domains,

            @Schema(description = "ODPS statuses: proposed, draft, active, deprecated, retired") @Nullable
            List<String> statuses,

            @Nullable List<String> tags,

            @Schema(description = "output port types, e.g. tables, api") @Nullable
            List<String> portTypes) {}
}
