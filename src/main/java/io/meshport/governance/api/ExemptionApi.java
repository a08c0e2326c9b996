package io.meshport.governance.api;

import io.meshport.catalog.JsonBody;
import io.meshport.governance.ExemptionView;
import io.meshport.governance.GovernanceService;
import io.meshport.governance.InvalidExemptionException;
import io.meshport.system.BodyLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exemptions: a product excused from a policy until a date, with a reason. Governance grants and
 * revokes them; every signed-in caller reads them. Every call goes through {@link
 * GovernanceService}, which checks who may do what.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Governance", description = "Global policies, their exemptions and each product's compliance")
@SecurityRequirement(name = "bearer")
// A reason is at most 2000 characters: 16 KiB is plenty, even all in four-byte characters.
@BodyLimit("${meshport.api.body-limit.exemptions:16KB}")
class ExemptionApi {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final Set<String> FIELDS = Set.of("reason", "expiresAt");

    private final GovernanceService governance;

    ExemptionApi(GovernanceService governance) {
        this.governance = governance;
    }

    /** The body of a grant, for the OpenAPI document only: the body is read field by field. */
    @Schema(name = "ExemptionGrant", description = "Why the product is excused, and until when.")
    record GrantBody(
            @Schema(description = "why (at most 2000 characters)", requiredMode = Schema.RequiredMode.REQUIRED)
            String reason,

            @Schema(
                    description = "when it ends: an instant (2027-03-31T12:00:00Z) or a day (2027-03-31:"
                            + " excused through that day, UTC); in the future, at most a year ahead",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String expiresAt) {}

    @Operation(
            summary = "Excuse a data product from a policy until a date",
            description = "Governance only. A product has one exemption per policy: granting again replaces it"
                    + " (200). The product is evaluated at once, so its compliance shows exemptUntil.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = JSON,
                                            schema = @Schema(implementation = GrantBody.class),
                                            examples = @ExampleObject(value = """
                                                            {"reason": "Migrating to the new support desk by March.",
                                                             "expiresAt": "2027-03-31"}"""))),
            responses = {
                @ApiResponse(responseCode = "201", description = "granted"),
                @ApiResponse(responseCode = "200", description = "granted, replacing the open exemption"),
                @ApiResponse(responseCode = "400", description = "no reason, a bad or past date, more than a year"),
                @ApiResponse(responseCode = "403", description = "caller not governance"),
                @ApiResponse(responseCode = "404", description = "no such policy or data product")
            })
    @PutMapping(
            value = "/policies/{id}/exemptions/{productId}",
            produces = {JSON, PROBLEM})
    ResponseEntity<ExemptionView> grant(
            @PathVariable String id,
            @PathVariable String productId,
            @org.springframework.web.bind.annotation.RequestBody(required = false) @Nullable String body) {
        Grant grant = read(body);
        GovernanceService.Granted granted = governance.grant(id, productId, grant.reason(), grant.expiresAt());
        return ResponseEntity.status(granted.replaced() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(granted.exemption());
    }

    @Operation(
            summary = "End a data product's exemption from a policy",
            description = "Governance only. The product is evaluated at once: a failing rule is a violation again.",
            responses = {
                @ApiResponse(responseCode = "204", description = "revoked"),
                @ApiResponse(responseCode = "403", description = "caller not governance"),
                @ApiResponse(responseCode = "404", description = "no open exemption of the product from the policy")
            })
    @DeleteMapping(
            value = "/policies/{id}/exemptions/{productId}",
            produces = {JSON, PROBLEM})
    ResponseEntity<Void> revoke(@PathVariable String id, @PathVariable String productId) {
        governance.revoke(id, productId);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "The exemptions from a policy in force now",
            description = "Soonest ending first; every signed-in caller.")
    @GetMapping(
            value = "/policies/{id}/exemptions",
            produces = {JSON, PROBLEM})
    List<ExemptionView> ofPolicy(@PathVariable String id) {
        return governance.exemptions(id);
    }

    @Operation(
            summary = "A data product's exemptions in force now",
            description = "Soonest ending first; every signed-in caller.")
    @GetMapping(
            value = "/data-products/{id}/exemptions",
            produces = {JSON, PROBLEM})
    List<ExemptionView> ofProduct(@PathVariable String id) {
        return governance.exemptionsOf(id);
    }

    // ------------------------------------------------------------------ the body

    record Grant(String reason, Instant expiresAt) {}

    /** Reads the grant, reporting every problem at once with its pointer. */
    static Grant read(@Nullable String body) {
        JsonBody grant = JsonBody.read(body, "exemption", FIELDS, false, InvalidExemptionException::new);
        String reason = grant.text("reason", true);
        String expires = grant.text("expiresAt", true);
        Instant expiresAt = expires == null ? null : instant(expires.strip());
        if (expires != null && expiresAt == null) {
            grant.violation(
                    "expiresAt",
                    "expiresAt must be an instant such as 2027-03-31T12:00:00Z or a day such as 2027-03-31"
                            + " (ISO 8601), not '" + (expires.length() > 40 ? expires.substring(0, 40) + "…" : expires)
                            + "'.");
        }
        grant.done();
        return new Grant(java.util.Objects.requireNonNull(reason), java.util.Objects.requireNonNull(expiresAt));
    }

    /** An instant with an offset, or a day: excused through that day (UTC), so ending as the next begins. */
    private static @Nullable Instant instant(String text) {
        if (text.length() > 40) {
            return null;
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text)
                        .plusDays(1)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
