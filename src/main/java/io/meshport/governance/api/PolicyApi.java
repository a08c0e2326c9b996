package io.meshport.governance.api;

import io.meshport.catalog.DocumentFormat;
import io.meshport.catalog.IfMatch;
import io.meshport.catalog.NotInCatalogException;
import io.meshport.catalog.Violation;
import io.meshport.governance.DryRun;
import io.meshport.governance.GovernanceService;
import io.meshport.governance.PolicyConflictException;
import io.meshport.governance.PolicyDefinition;
import io.meshport.governance.PolicyHistoryEntry;
import io.meshport.governance.PolicyView;
import io.meshport.system.BodyLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Global policies as code: governance writes (JSON or YAML, as pipelines keep them in a
 * repository), previews and retires them; every signed-in caller reads them with their pass rates
 * and history. {@link GovernanceService} checks who may do what.
 */
@RestController
@RequestMapping("/api/v1/policies")
@Tag(
        name = "Policies",
        description = "Global policies: CEL rules every product in scope must keep, advisory or enforced;"
                + " governance changes them, everyone reads them")
@SecurityRequirement(name = "bearer")
// A definition is at most a few tens of kilobytes (a description of 20,000 characters is the most).
@BodyLimit("${meshport.api.body-limit.policies:256KB}")
class PolicyApi {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String DEFINITION_EXAMPLE = """
            {"title": "Purpose of substance",
             "description": "A consumer decides from the purpose whether the product fits.",
             "severity": "high", "mode": "advisory", "enforceOn": "publish",
             "scope": {"statuses": ["active"]},
             "rule": "has(product.description) && has(product.description.purpose) && size(product.description.purpose.trim()) >= 40",
             "path": "/description/purpose",
             "message": "Say in 40 characters or more what the product is for.",
             "enabled": true}""";

    private final GovernanceService governance;

    PolicyApi(GovernanceService governance) {
        this.governance = governance;
    }

    @Operation(
            summary = "Create or replace a policy",
            description = "Governance only. Body: the definition (JSON, or YAML with Content-Type application/yaml);"
                    + " severity defaults to medium, mode to advisory, enforceOn to publish, scope to all products,"
                    + " enabled to true. Saved enabled, the policy is evaluated over the whole catalog before this"
                    + " answers; a rule that exceeds its evaluation budget on a product of today's catalog is"
                    + " refused. If-Match (the ETag of GET) refuses a change to a policy changed since (409).",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = {
                                @Content(
                                        mediaType = JSON,
                                        schema = @Schema(implementation = PolicyBody.Definition.class),
                                        examples = @ExampleObject(value = DEFINITION_EXAMPLE)),
                                @Content(
                                        mediaType = "application/yaml",
                                        schema = @Schema(implementation = PolicyBody.Definition.class))
                            }),
            responses = {
                @ApiResponse(responseCode = "201", description = "created; the policy as GET shows it, with an ETag"),
                @ApiResponse(responseCode = "200", description = "replaced (or unchanged)"),
                @ApiResponse(
                        responseCode = "400",
                        description = "a missing title or rule, an unknown severity, mode or enforceOn, a wrong type,"
                                + " a rule that does not compile (with line and column) or exceeds its budget, a bad"
                                + " id, malformed JSON or YAML: a problem of type /problems/invalid-policy with"
                                + " errors[{pointer, message}]"),
                @ApiResponse(responseCode = "403", description = "caller not in the governance (admin) group"),
                @ApiResponse(responseCode = "409", description = "If-Match names a revision that is not the current"),
                @ApiResponse(responseCode = "413", description = "a body over 256 KiB"),
                @ApiResponse(responseCode = "415", description = "a body neither JSON nor YAML")
            })
    @PutMapping(
            value = "/{id}",
            consumes = {JSON, "application/*+json", "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"
            },
            produces = {JSON, PROBLEM})
    ResponseEntity<PolicyResponse> put(
            @PathVariable String id,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @org.springframework.web.bind.annotation.RequestBody(required = false) byte @Nullable [] body) {
        PolicyDefinition definition = PolicyBody.read(body, format(contentType), id, d -> governance.check(id, d));
        Long current = governance.policy(id).map(PolicyView::revision).orElse(null);
        Long expected = IfMatch.expected(ifMatch, current, "Policy '" + id + "'", PolicyConflictException::new);
        GovernanceService.Saved saved = governance.save(id, definition, expected);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .eTag(etag(saved.policy()));
        if (saved.created()) {
            answer.location(UriComponentsBuilder.fromPath("/api/v1/policies/{id}")
                    .buildAndExpand(id)
                    .encode()
                    .toUri());
        }
        return answer.body(PolicyResponse.of(saved.policy()));
    }

    @Operation(
            summary = "The policies in force or drafted (not retired)",
            description = "Every signed-in caller. Each with its definition and how the catalog keeps it today:"
                    + " inScope, passing, failing, exempt and passRate.")
    @GetMapping(produces = {JSON, PROBLEM})
    List<PolicyResponse> list() {
        return governance.policies().stream().map(PolicyResponse::of).toList();
    }

    @Operation(
            summary = "One policy, retired ones included",
            description = "With its revision as ETag.",
            responses = {
                @ApiResponse(responseCode = "200", description = "the policy"),
                @ApiResponse(responseCode = "404", description = "no such policy")
            })
    @GetMapping(
            value = "/{id}",
            produces = {JSON, PROBLEM})
    ResponseEntity<PolicyResponse> get(@PathVariable String id) {
        PolicyView policy = governance.policy(id).orElseThrow(() -> new PolicyNotFoundException(id));
        return ResponseEntity.ok().eTag(etag(policy)).body(PolicyResponse.of(policy));
    }

    @Operation(
            summary = "Retire a policy",
            description = "Governance only. It is no longer evaluated and its results are cleared; its history is"
                    + " kept, and PUT brings it back.",
            responses = {
                @ApiResponse(responseCode = "204", description = "retired"),
                @ApiResponse(responseCode = "403", description = "caller not in the governance (admin) group"),
                @ApiResponse(responseCode = "404", description = "no such policy, or retired already")
            })
    @DeleteMapping(value = "/{id}", produces = PROBLEM)
    ResponseEntity<Void> retire(@PathVariable String id) {
        try {
            governance.retire(id);
        } catch (NotInCatalogException e) {
            throw new PolicyNotFoundException(id);
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "A policy's changes, newest first",
            description = "Who, when, what (created, changed, enabled, disabled, enforced, relaxed, retired), a"
                    + " summary, and the definition before and after.",
            responses = {
                @ApiResponse(responseCode = "200", description = "the changes"),
                @ApiResponse(responseCode = "404", description = "no such policy")
            })
    @GetMapping(
            value = "/{id}/history",
            produces = {JSON, PROBLEM})
    List<PolicyHistoryEntry> history(@PathVariable String id) {
        try {
            return governance.history(id);
        } catch (NotInCatalogException e) {
            throw new PolicyNotFoundException(id);
        }
    }

    @Operation(
            summary = "Dry run: what a definition would find in today's catalog",
            description = "Governance only. Body: a definition as for PUT (enabled is ignored: it is evaluated as"
                    + " if enabled). Nothing is stored. Exemptions granted for this policy id count. The answer"
                    + " counts the products in scope, passing, violating, exempt and those the rule could not"
                    + " decide (errors), per owning team, and lists the violating products (at most "
                    + DryRun.MAX_LISTED + "; truncated says more violate).",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = {
                                @Content(
                                        mediaType = JSON,
                                        schema = @Schema(implementation = PolicyBody.Definition.class)),
                                @Content(
                                        mediaType = "application/yaml",
                                        schema = @Schema(implementation = PolicyBody.Definition.class))
                            }),
            responses = {
                @ApiResponse(responseCode = "200", description = "the effect"),
                @ApiResponse(responseCode = "400", description = "an invalid definition, as for PUT"),
                @ApiResponse(responseCode = "403", description = "caller not in the governance (admin) group")
            })
    @PostMapping(
            value = "/{id}/preview",
            consumes = {JSON, "application/*+json", "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"
            },
            produces = {JSON, PROBLEM})
    DryRun preview(
            @PathVariable String id,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
            @org.springframework.web.bind.annotation.RequestBody(required = false) byte @Nullable [] body) {
        PolicyDefinition definition =
                PolicyBody.read(body, format(contentType), id, d -> withoutId(governance.check(id, d)));
        return governance.preview(id, definition);
    }

    /** The preview is of a definition, under any id: the id's rules matter only to a save. */
    private static List<Violation> withoutId(List<Violation> violations) {
        return violations.stream().filter(v -> !v.pointer().equals("/id")).toList();
    }

    private static DocumentFormat format(@Nullable String contentType) {
        // The mapping accepts only JSON and YAML types.
        return DocumentFormat.ofContentType(contentType).orElse(DocumentFormat.JSON);
    }

    private static String etag(PolicyView policy) {
        return "\"" + policy.revision() + "\"";
    }
}
