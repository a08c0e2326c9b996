package io.meshport.openlineage.api;

import io.meshport.openlineage.Ingested;
import io.meshport.openlineage.OpenLineageService;
import io.meshport.system.BodyLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pipelines post OpenLineage events, as any OpenLineage client's HTTP transport does (its default
 * endpoint is this one): the portal keeps the jobs, runs and datasets, and learns which products
 * a run read and wrote.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Observed lineage", description = "OpenLineage events from pipelines")
@SecurityRequirement(name = "bearer")
class OpenLineageApi {

    private static final String EXAMPLE = """
            {
              "eventType": "COMPLETE",
              "eventTime": "2026-11-22T06:00:00.000Z",
              "run": {"runId": "0176a8c2-fe01-7439-87e6-56a1a1b4029f"},
              "job": {"namespace": "sales-airflow", "name": "orders.load"},
              "inputs": [{"namespace": "postgres://crm.example.com:5432", "name": "crm.public.orders"}],
              "outputs": [{"namespace": "postgres://dwh.example.com:5432", "name": "sales.public.orders"}],
              "producer": "https://github.com/OpenLineage/OpenLineage/tree/1.55.0/client/java",
              "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent"
            }""";

    private final OpenLineageService openLineage;
    private final long limit;

    OpenLineageApi(OpenLineageService openLineage, @Value("${meshport.api.body-limit.lineage:8MB}") DataSize limit) {
        this.openLineage = openLineage;
        this.limit = limit.toBytes();
    }

    @Operation(
            summary = "Send OpenLineage events",
            description = "One event (RunEvent, JobEvent or DatasetEvent of the OpenLineage specification 2-0-x)"
                    + " or an array of up to " + OpenLineageService.MAX_BATCH + ", as JSON in UTF-8,"
                    + " optionally with Content-Encoding: gzip (at most 8 MiB before and after decompression)."
                    + " All or nothing: when any event is invalid none is stored and errors[] points at each"
                    + " problem (/0/run/runId). An output dataset that is an output port of a product whose"
                    + " team the caller may not act for is refused (403). The same event again (a RunEvent"
                    + " with the same runId, eventType and eventTime; a JobEvent with the same job and"
                    + " eventTime; a DatasetEvent with the same dataset and eventTime) changes nothing and is"
                    + " counted under alreadyKnown. An event whose eventTime is older than the retention window"
                    + " (meshport.openlineage.retention, 90 days unless configured) is checked like the others,"
                    + " then neither stored nor used, and counted under olderThanRetention.",
            requestBody =
                    @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            examples = @ExampleObject(name = "a run event", value = EXAMPLE))),
            responses = {
                @ApiResponse(
                        responseCode = "201",
                        description = "the events are stored (or were already)",
                        content = @Content(schema = @Schema(implementation = Ingested.class))),
                @ApiResponse(
                        responseCode = "400",
                        description = "malformed or invalid events: a problem with errors[]"),
                @ApiResponse(responseCode = "401", description = "no or an invalid token"),
                @ApiResponse(responseCode = "403", description = "an output belongs to another team's product"),
                @ApiResponse(responseCode = "413", description = "a body over 8 MiB, compressed or not"),
                @ApiResponse(
                        responseCode = "415",
                        description = "not application/json in UTF-8, or an unknown Content-Encoding")
            })
    @PostMapping(
            value = "/lineage",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @BodyLimit("${meshport.api.body-limit.lineage:8MB}")
    ResponseEntity<Ingested> post(
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
            @RequestHeader(value = HttpHeaders.CONTENT_ENCODING, required = false) @Nullable String contentEncoding,
            @org.springframework.web.bind.annotation.RequestBody(required = false) byte @Nullable [] body) {
        byte[] json = RequestEncoding.decode(body, contentType, contentEncoding, limit);
        return ResponseEntity.status(HttpStatus.CREATED).body(openLineage.ingest(json));
    }
}
