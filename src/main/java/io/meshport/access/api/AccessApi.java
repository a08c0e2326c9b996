package io.meshport.access.api;

import io.meshport.access.AccessRequest;
import io.meshport.access.AccessService;
import io.meshport.access.Agreement;
import io.meshport.access.AgreementConflictException;
import io.meshport.access.AgreementStatus;
import io.meshport.access.InvalidAccessRequestException;
import io.meshport.access.NoSuchAgreementException;
import io.meshport.access.Provisioning;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.IfMatch;
import io.meshport.catalog.JsonBody;
import io.meshport.catalog.NotInCatalogException;
import io.meshport.catalog.Violation;
import io.meshport.system.BodyLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Access requests and the data usage agreements they become: consumers ask for an output port,
 * the providing team (or governance) decides, the providing team's pipeline reports whether the
 * access was really granted. Every call goes through {@link AccessService}, which checks who may
 * do what; an agreement the caller may not see answers 404, as if it did not exist.
 */
@RestController
@RequestMapping("/api/v1/access-requests")
@Tag(
        name = "Access",
        description = "Access requests and data usage agreements: one consumer team and one output port,"
                + " approval and provisioning kept apart")
@SecurityRequirement(name = "bearer")
// A purpose is Markdown of a few paragraphs; 64 KiB is far more than any needs.
@BodyLimit("${meshport.api.body-limit.access-requests:64KB}")
class AccessApi {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final Set<String> REQUEST_FIELDS = Set.of(
            "product",
            "outputPort",
            "outputPortVersion",
            "purpose",
            "consumerTeam",
            "consumerProduct",
            "from",
            "until");

    private final AccessService access;
    private final CatalogService catalog;

    AccessApi(AccessService access, CatalogService catalog) {
        this.access = access;
        this.catalog = catalog;
    }

    // ------------------------------------------------------------------ calls

    @Operation(
            summary = "Ask for access to an output port",
            description = "The caller must be a member of consumerTeam, which must not own the product. The"
                    + " agreement is pinned to the version of the port's contract current now. A port whose"
                    + " customProperties say accessApproval: automatic approves at once (status approved,"
                    + " provisioning pending); otherwise the product's team or governance decides.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = JSON,
                                            schema = @Schema(implementation = AccessBodies.NewRequest.class),
                                            examples = @ExampleObject(value = """
                                                                    {"product": "sales-orders", "outputPort": "orders",
                                                                     "purpose": "Campaign attribution by order.",
                                                                     "consumerTeam": "marketing",
                                                                     "until": "2027-06-30"}"""))),
            responses = {
                @ApiResponse(
                        responseCode = "201",
                        description = "requested (or approved, where the port approves automatically)",
                        content = @Content(schema = @Schema(implementation = AgreementResponse.class))),
                @ApiResponse(
                        responseCode = "400",
                        description = "a missing purpose, an unknown product or port, a bad date, ...:"
                                + " a problem with errors[]"),
                @ApiResponse(responseCode = "403", description = "caller not in the consumer team"),
                @ApiResponse(
                        responseCode = "409",
                        description = "the team already has an open request or agreement for the port, or owns it"),
                @ApiResponse(responseCode = "413", description = "a body over 64 KiB")
            })
    @PostMapping(
            consumes = JSON,
            produces = {JSON, PROBLEM})
    ResponseEntity<AgreementResponse> request(
            @org.springframework.web.bind.annotation.RequestBody(required = false) @Nullable String body) {
        JsonBody json =
                JsonBody.read(body, "access request", REQUEST_FIELDS, false, InvalidAccessRequestException::new);
        String product = json.text("product", true);
        String port = json.text("outputPort", true);
        String version = json.text("outputPortVersion", false);
        String purpose = json.text("purpose", true);
        String team = json.text("consumerTeam", true);
        String consumerProduct = json.text("consumerProduct", false);
        LocalDate from = json.date("from");
        LocalDate until = json.date("until");
        if (from != null && until != null && until.isBefore(from)) {
            json.violation("until", "until (" + until + ") must not be before from (" + from + ").");
        }
        json.done();
        Agreement agreement;
        try {
            agreement = access.request(new AccessRequest(
                    product, port, blankToNull(version), purpose, team, blankToNull(consumerProduct), from, until));
        } catch (NotInCatalogException e) {
            throw notInCatalog(e, product);
        }
        return created(agreement);
    }

    @Operation(
            summary = "The access requests and agreements the caller may see",
            description = "Those of the caller's teams, as provider or consumer (governance: all), newest first.")
    @GetMapping(produces = {JSON, PROBLEM})
    List<AgreementResponse> list(
            @Parameter(description = "only those on this data product") @RequestParam(required = false) @Nullable
                    String product,
            @Parameter(description = "only those of this consumer team") @RequestParam(required = false) @Nullable
                    String consumerTeam,
            @Parameter(description = "only those on this team's products") @RequestParam(required = false) @Nullable
                    String providerTeam,
            @Parameter(
                            description = "only those in this state",
                            schema =
                                    @Schema(
                                            allowableValues = {
                                                "requested",
                                                "approved",
                                                "rejected",
                                                "cancelled",
                                                "revoked",
                                                "expired"
                                            }))
                    @RequestParam(required = false)
                    @Nullable
                    String status,
            @Parameter(description = "at most this many (1 to " + MAX_LIMIT + "; default " + DEFAULT_LIMIT + ")")
                    @RequestParam(required = false)
                    @Nullable
                    String limit) {
        List<Violation> violations = new ArrayList<>();
        AgreementStatus state = null;
        if (status != null && !status.isBlank()) {
            state = AgreementStatus.fromValue(status).orElse(null);
            if (state == null) {
                violations.add(new Violation(
                        "/status",
                        "status must be requested, approved, rejected, cancelled, revoked or expired, not '" + status
                                + "'."));
            }
        }
        int most = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                most = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                most = -1;
            }
            if (most < 1 || most > MAX_LIMIT) {
                violations.add(new Violation(
                        "/limit", "limit must be a whole number from 1 to " + MAX_LIMIT + ", not '" + limit + "'."));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidAccessRequestException("Invalid query", violations);
        }
        AccessService.Filter filter = new AccessService.Filter(
                blankToNull(product), blankToNull(consumerTeam), blankToNull(providerTeam), state);
        return access.list(filter, most).stream().map(AgreementResponse::of).toList();
    }

    @Operation(
            summary = "One access request or agreement",
            description = "With its revision as ETag. 404 for anyone but the two teams and governance.")
    @GetMapping(
            value = "/{id}",
            produces = {JSON, PROBLEM})
    ResponseEntity<AgreementResponse> get(@PathVariable String id) {
        Agreement agreement = visible(id);
        return ok(agreement);
    }

    @Operation(
            summary = "Each step of an agreement, oldest first",
            description = "Who, when, from which state to which, and why.")
    @GetMapping(
            value = "/{id}/history",
            produces = {JSON, PROBLEM})
    List<AgreementResponse.Step> history(@PathVariable String id) {
        return access.history(uuid(id)).stream().map(AgreementResponse.Step::of).toList();
    }

    @Operation(
            summary = "Approve or reject a request",
            description = "The providing product's team or governance; never the requesting team deciding its own"
                    + " request for another team's product. A rejection needs a comment. If-Match (the ETag of GET)"
                    + " refuses a decision on a request changed since (409).",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = JSON,
                                            schema = @Schema(implementation = AccessBodies.DecisionBody.class))),
            responses = {
                @ApiResponse(responseCode = "200", description = "decided"),
                @ApiResponse(responseCode = "400", description = "an unknown decision, no comment for a rejection"),
                @ApiResponse(responseCode = "403", description = "caller may not decide"),
                @ApiResponse(responseCode = "404", description = "no such request the caller may see"),
                @ApiResponse(responseCode = "409", description = "already decided, or stale If-Match")
            })
    @PostMapping(
            value = "/{id}/decision",
            consumes = JSON,
            produces = {JSON, PROBLEM})
    ResponseEntity<AgreementResponse> decide(
            @PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @org.springframework.web.bind.annotation.RequestBody(required = false) @Nullable String body) {
        UUID uuid = uuid(id);
        JsonBody json = JsonBody.read(
                body, "decision", Set.of("decision", "comment"), false, InvalidAccessRequestException::new);
        String decision = json.oneOf("decision", true, List.of("approve", "reject"));
        String comment = json.text("comment", false);
        json.done();
        Long expected = expected(uuid, ifMatch);
        AccessService.Decision what = AccessService.Decision.valueOf(decision.toUpperCase(Locale.ROOT));
        return ok(access.decide(uuid, what, blankToNull(comment), expected));
    }

    @Operation(
            summary = "Withdraw a request, or end an approved agreement early",
            description = "The consumer team. Body optional: {\"comment\"}.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = false,
                            content =
                                    @Content(
                                            mediaType = JSON,
                                            schema = @Schema(implementation = AccessBodies.CommentBody.class))))
    @PostMapping(
            value = "/{id}/cancel",
            produces = {JSON, PROBLEM})
    ResponseEntity<AgreementResponse> cancel(
            @PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @org.springframework.web.bind.annotation.RequestBody(required = false) @Nullable String body) {
        return commented(id, ifMatch, body, "cancellation", (comment) -> access.cancel(uuid(id), comment));
    }

    @Operation(
            summary = "End an approved agreement",
            description = "The providing team or governance. Body optional: {\"comment\"}.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = false,
                            content =
                                    @Content(
                                            mediaType = JSON,
                                            schema = @Schema(implementation = AccessBodies.CommentBody.class))))
    @PostMapping(
            value = "/{id}/revoke",
            produces = {JSON, PROBLEM})
    ResponseEntity<AgreementResponse> revoke(
            @PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @org.springframework.web.bind.annotation.RequestBody(required = false) @Nullable String body) {
        return commented(id, ifMatch, body, "revocation", (comment) -> access.revoke(uuid(id), comment));
    }

    @Operation(
            summary = "Report whether the approved access was really set up",
            description = "For the providing team's pipeline (or governance): pending, granted or failed, with a"
                    + " message. Approving is not having access: consumers see this state beside the approval.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = JSON,
                                            schema = @Schema(implementation = AccessBodies.ProvisioningBody.class),
                                            examples =
                                                    @ExampleObject(
                                                            value = "{\"state\": \"granted\", \"message\": \"Role"
                                                                    + " marketing_reader granted on orders\"}"))))
    @PutMapping(
            value = "/{id}/provisioning",
            consumes = JSON,
            produces = {JSON, PROBLEM})
    ResponseEntity<AgreementResponse> provisioning(
            @PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @org.springframework.web.bind.annotation.RequestBody(required = false) @Nullable String body) {
        UUID uuid = uuid(id);
        JsonBody json = JsonBody.read(
                body, "provisioning report", Set.of("state", "message"), false, InvalidAccessRequestException::new);
        String state = json.oneOf("state", true, List.of("pending", "granted", "failed"));
        String message = json.text("message", false);
        json.done();
        expected(uuid, ifMatch);
        Provisioning provisioning = Provisioning.fromValue(state).orElseThrow();
        return ok(access.reportProvisioning(uuid, provisioning, blankToNull(message)));
    }

    @Operation(
            summary = "Consent to the breaking contract version the consumer was asked about",
            description = "The consumer team; clears reconsentVersion and pins the agreement to that version.")
    @PostMapping(
            value = "/{id}/consent",
            produces = {JSON, PROBLEM})
    ResponseEntity<AgreementResponse> consent(
            @PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        UUID uuid = uuid(id);
        expected(uuid, ifMatch);
        return ok(access.consent(uuid));
    }

    @Operation(
            summary = "Ask for the same access again, after the agreement ends",
            description = "The consumer team: a new request from the day after the agreement ends until the given"
                    + " day (omitted: no end), decided as any other; it names the agreement it renews.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = false,
                            content =
                                    @Content(
                                            mediaType = JSON,
                                            schema = @Schema(implementation = AccessBodies.RenewalBody.class))),
            responses = {@ApiResponse(responseCode = "201", description = "the renewal, a new request")})
    @PostMapping(
            value = "/{id}/renewal",
            produces = {JSON, PROBLEM})
    ResponseEntity<AgreementResponse> renew(
            @PathVariable String id,
            @org.springframework.web.bind.annotation.RequestBody(required = false) @Nullable String body) {
        UUID uuid = uuid(id);
        JsonBody json = JsonBody.read(body, "renewal", Set.of("until"), true, InvalidAccessRequestException::new);
        LocalDate until = json.date("until");
        json.done();
        return created(access.renew(uuid, until));
    }

    // ------------------------------------------------------------------ helpers

    private ResponseEntity<AgreementResponse> commented(
            String id,
            @Nullable String ifMatch,
            @Nullable String body,
            String what,
            Function<@Nullable String, Agreement> step) {
        UUID uuid = uuid(id);
        JsonBody json = JsonBody.read(body, what, Set.of("comment"), true, InvalidAccessRequestException::new);
        String comment = json.text("comment", false);
        json.done();
        expected(uuid, ifMatch);
        return ok(step.apply(blankToNull(comment)));
    }

    private Agreement visible(String id) {
        return access.find(uuid(id)).orElseThrow(() -> new NoSuchAgreementException(id));
    }

    /** The revision If-Match names, checked against the current one (the service checks again). */
    private @Nullable Long expected(UUID id, @Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        return IfMatch.expected(
                ifMatch, visible(id.toString()).revision(), "The access request", AgreementConflictException::new);
    }

    /** A path id that is no UUID names no agreement: 404, saying what an id looks like. */
    static UUID uuid(String id) {
        try {
            if (id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new AgreementNotFoundException("No access request '" + id
                + "': access request ids are UUIDs such as 3f2b8c1e-6d4a-4e8b-9c1d-2a7e5f0b9c3d.");
    }

    /** The catalog has no such product or port: a field of the request is wrong, so a 400 pointing at it. */
    private InvalidAccessRequestException notInCatalog(NotInCatalogException e, String product) {
        boolean productExists = catalog.find(product).isPresent();
        return new InvalidAccessRequestException(
                "Invalid access request", productExists ? "/outputPort" : "/product", e.getMessage());
    }

    private static ResponseEntity<AgreementResponse> ok(Agreement agreement) {
        return ResponseEntity.ok().eTag("\"" + agreement.revision() + "\"").body(AgreementResponse.of(agreement));
    }

    private static ResponseEntity<AgreementResponse> created(Agreement agreement) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .eTag("\"" + agreement.revision() + "\"")
                .location(UriComponentsBuilder.fromPath("/api/v1/access-requests/{id}")
                        .buildAndExpand(agreement.id())
                        .toUri())
                .body(AgreementResponse.of(agreement));
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
