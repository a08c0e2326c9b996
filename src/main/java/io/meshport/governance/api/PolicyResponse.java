package io.meshport.governance.api;

import io.meshport.governance.PolicyDefinition;
import io.meshport.governance.PolicyScope;
import io.meshport.governance.PolicyView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A policy as the API shows it: its definition, and how the catalog keeps it today. */
@Schema(name = "Policy")
record PolicyResponse(
        String id,
        String title,

        @Schema(description = "Markdown") String description,

        @Schema(allowableValues = {"low", "medium", "high", "critical"})
        String severity,

        @Schema(allowableValues = {"advisory", "enforced"}) String mode,

        @Schema(allowableValues = {"publish", "activation"}) String enforceOn,

        Scope scope,

        @Schema(description = "the CEL expression that is true when a product keeps the policy")
        String rule,

        @Schema(description = "the JSON Pointer a violation points at; null for the product as a whole") @Nullable
        String path,

        @Schema(description = "what a violation tells the owner; null: the title") @Nullable
        String message,

        boolean enabled,

        @Schema(description = "shipped with Meshport") boolean builtIn,

        @Schema(description = "also the ETag; what If-Match names to replace exactly this")
        long revision,

        Instant createdAt,
        Instant updatedAt,

        @Schema(description = "who changed it last") String updatedBy,

        @Schema(description = "set once retired (DELETE); a retired policy is not evaluated") @Nullable
        Instant retiredAt,

        @Schema(description = "products the policy is evaluated for (0 while disabled)")
        long inScope,

        @Schema(description = "products that keep it, exempt ones included")
        long passing,

        @Schema(description = "products that break it") long failing,

        @Schema(description = "products that pass only by an exemption")
        long exempt,

        @Schema(description = "passing / inScope, 0 to 1; 1 when nothing is in scope")
        double passRate) {

    record Scope(List<String> domains, List<String> statuses, List<String> tags, List<String> portTypes) {

        static Scope of(PolicyScope scope) {
            return new Scope(scope.domains(), scope.statuses(), scope.tags(), scope.portTypes());
        }
    }

    static PolicyResponse of(PolicyView view) {
        PolicyDefinition definition = view.definition();
        return new PolicyResponse(
                view.id(),
                definition.title(),
                definition.description(),
                definition.severity().value(),
                definition.mode().value(),
                definition.enforceOn().value(),
                Scope.of(definition.scope()),
                definition.rule(),
                definition.path(),
                definition.message(),
                definition.enabled(),
                view.builtIn(),
                view.revision(),
                view.createdAt(),
                view.updatedAt(),
                view.updatedBy(),
                view.retiredAt(),
                view.inScope(),
                view.passing(),
                view.failing(),
                view.exempt(),
                view.passRate());
    }
}
