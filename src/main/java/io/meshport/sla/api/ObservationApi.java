package io.meshport.sla.api;

import io.meshport.catalog.InvalidDocumentException;
import io.meshport.catalog.Violation;
import io.meshport.sla.Observation;
import io.meshport.sla.ObservationKind;
import io.meshport.sla.ObservationOrigin;
import io.meshport.sla.RecordedObservations;
import io.meshport.sla.SlaService;
import io.meshport.system.BodyLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Pipelines tell the portal what they observed, so that service levels are measured. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Service levels", description = "Observations that measure the SLAs the contracts declare")
@SecurityRequirement(name = "bearer")
class ObservationApi {

    private static final String EXAMPLE = """
            [
              {"id": "orders-load-2026-11-22T06:00Z", "outputPort": "sales_orders", "kind": "updated",
               "at": "2026-11-22T06:00:00Z", "detail": "182,340 rows"},
              {"id": "probe-2026-11-22T06:05Z", "outputPort": "sales_orders", "kind": "availability",
               "at": "2026-11-22T06:05:00Z", "succeeded": true},
              {"id": "dq-2026-11-22-unique", "kind": "quality", "at": "2026-11-22T06:10:00Z",
               "check": "order_id is unique", "passed": true}
            ]""";

    private final SlaService sla;

    ObservationApi(SlaService sla) {
        this.sla = sla;
    }

    /** The answer: which ids were stored now and which were known already (a retry). */
    record Recorded(List<String> recorded, List<String> alreadyKnown) {}

    @Operation(
            summary = "Send observations of a data product",
            description = "One observation object, or an array of up to " + SlaService.MAX_BATCH + ". Each is"
                    + " idempotent by its id: sending it again records nothing and lists it under alreadyKnown;"
                    + " the same id with other content is refused (409). All or nothing: when any observation is"
                    + " invalid, none is stored and errors[] points at each problem. Only the owning team (or"
                    + " governance) may send them, e.g. with the team's pipeline token.",
            requestBody =
                    @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            array =
                                                    @ArraySchema(
                                                            schema = @Schema(implementation = ObservationBody.class)),
                                            examples = @ExampleObject(name = "a batch", value = EXAMPLE))),
            responses = {
                @ApiResponse(
                        responseCode = "201",
                        description = "at least one observation recorded",
                        content = @Content(schema = @Schema(implementation = Recorded.class))),
                @ApiResponse(
                        responseCode = "200",
                        description = "every observation was known already; nothing changed",
                        content = @Content(schema = @Schema(implementation = Recorded.class))),
                @ApiResponse(responseCode = "400", description = "invalid observations: a problem with errors[]"),
                @ApiResponse(responseCode = "401", description = "no or an invalid token"),
                @ApiResponse(responseCode = "403", description = "caller not in the owning team"),
                @ApiResponse(responseCode = "404", description = "no such data product"),
                @ApiResponse(responseCode = "409", description = "an id already recorded with other content"),
                @ApiResponse(responseCode = "413", description = "a body over the size limit (4 MiB)"),
                @ApiResponse(responseCode = "415", description = "a body other than application/json")
            })
    @PostMapping(
            value = "/data-products/{id}/observations",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    // 10,000 observations of a usual size (a few hundred bytes each) fit; the body is refused
    // before it is read or parsed when it is larger.
    @BodyLimit("${meshport.api.body-limit.observations:4MB}")
    ResponseEntity<Recorded> observe(
            @PathVariable String id,
            @org.springframework.web.bind.annotation.RequestBody(required = false) @Nullable String body) {
        ObservationsReader.Read read = ObservationsReader.read(body);
        RecordedObservations result;
        try {
            result = sla.record(id, read.observations());
        } catch (InvalidDocumentException e) {
            throw read.single() ? unindexed(e) : e;
        }
        return ResponseEntity.status(result.recorded().isEmpty() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new Recorded(result.recorded(), result.alreadyKnown()));
    }

    /** One stored observation and where it came from. */
    @Schema(name = "StoredObservation")
    record Stored(
            String id,
            @Nullable String outputPort,
            String kind,
            Instant at,

            @Schema(description = "availability only") @Nullable
            Boolean succeeded,

            @Schema(description = "quality only") @Nullable Boolean passed,
            @Nullable String check,
            @Nullable String detail,

            @Schema(
                    description = "api: posted to this API; openlineage: derived from a run event",
                    allowableValues = {"api", "openlineage"})
            String source,

            @Schema(description = "openlineage only: the job, namespace/name") @Nullable
            String job,

            @Schema(description = "openlineage only: the run id") @Nullable
            String runId,

            @Schema(description = "who posted it or sent the run event")
            String recordedBy) {}

    record Observations(List<Stored> observations) {}

    /** A run that ended having written an output port. */
    @Schema(name = "PipelineRun")
    record Run(
            String outputPort,
            String runId,
            String job,

            @Schema(allowableValues = {"COMPLETE", "FAIL", "ABORT"})
            String state,

            Instant at,

            @Schema(description = "true only for COMPLETE: the run updated the port")
            boolean updated,

            String reportedBy) {}

    record Runs(List<Run> runs) {}

    @Operation(
            summary = "The observations of a data product",
            description = "Newest first, those of the last 30 days (at most limit, 1 to " + SlaService.MAX_RECENT
                    + "), each with where it came from: source api (posted here; recordedBy is the sender) or"
                    + " openlineage (derived from a run event: job and runId name the run).")
    @GetMapping(value = "/data-products/{id}/observations", produces = MediaType.APPLICATION_JSON_VALUE)
    Observations observations(@PathVariable String id, @RequestParam(defaultValue = "100") int limit) {
        checkLimit(limit);
        return new Observations(sla.recentObservations(id, limit).stream()
                .map(entry -> {
                    Observation o = entry.observation();
                    ObservationOrigin origin = entry.origin();
                    return new Stored(
                            o.id(),
                            o.outputPort(),
                            o.kind().wireName(),
                            o.at(),
                            o.kind() == ObservationKind.AVAILABILITY ? o.outcome() : null,
                            o.kind() == ObservationKind.QUALITY ? o.outcome() : null,
                            o.check(),
                            o.detail(),
                            origin.source().wireName(),
                            origin.job(),
                            origin.runId(),
                            origin.recordedBy());
                })
                .toList());
    }

    @Operation(
            summary = "The pipeline runs that wrote a data product's output ports",
            description = "Newest first, those of the last 30 days (at most limit, 1 to " + SlaService.MAX_RECENT
                    + "), from OpenLineage run events: COMPLETE (also an updated observation of the port), FAIL"
                    + " and ABORT (recorded, not updates).")
    @GetMapping(value = "/data-products/{id}/pipeline-runs", produces = MediaType.APPLICATION_JSON_VALUE)
    Runs runs(@PathVariable String id, @RequestParam(defaultValue = "100") int limit) {
        checkLimit(limit);
        return new Runs(sla.recentRuns(id, limit).stream()
                .map(run -> new Run(
                        run.outputPort(),
                        run.runId(),
                        run.job(),
                        run.state().name(),
                        run.at(),
                        run.updated(),
                        run.reportedBy()))
                .toList());
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > SlaService.MAX_RECENT) {
            throw new InvalidDocumentException(
                    "Bad limit", "/limit", "limit must be between 1 and " + SlaService.MAX_RECENT + ".");
        }
    }

    /** The service points into a list; a single object's fields have no index in front. */
    private static InvalidDocumentException unindexed(InvalidDocumentException e) {
        List<Violation> violations = e.violations().stream()
                .map(v -> new Violation(v.pointer().replaceFirst("^/0(?=/|$)", ""), v.message()))
                .toList();
        return new InvalidDocumentException(e.getMessage(), violations);
    }
}
