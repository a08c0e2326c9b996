package io.meshport.lineage.api;

import io.meshport.catalog.InvalidDocumentException;
import io.meshport.lineage.Direction;
import io.meshport.lineage.Impact;
import io.meshport.lineage.LineageDrift;
import io.meshport.lineage.LineageGraph;
import io.meshport.lineage.LineageService;
import io.meshport.lineage.ProvenanceFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** How data products derive from each other, and who is hurt when one breaks. */
@RestController
@RequestMapping("/api/v1")
@Tag(
        name = "Lineage",
        description = "Lineage graphs and impact analysis, as the products' ports declare them and as pipeline runs"
                + " were observed using them")
@SecurityRequirement(name = "bearer")
class LineageApi {

    private final LineageService lineage;
    private final LineageDrift drift;

    LineageApi(LineageService lineage, LineageDrift drift) {
        this.lineage = lineage;
        this.drift = drift;
    }

    @Operation(
            summary = "A data product's lineage drift",
            description = "Where the product's observed lineage (pipeline runs) disagrees with its declared lineage:"
                    + " declared-not-observed, a declared input no run has been seen reading for driftAfter (the"
                    + " product's runs reporting at least that long); observed-not-declared, an input runs read"
                    + " within driftAfter that no input port declares. judged says whether the product's pipelines"
                    + " report at all: one that never reported has no drift. Readable by every signed-in caller,"
                    + " as lineage is.",
            responses = {
                @ApiResponse(responseCode = "200", description = "the product's drift (items may be empty)"),
                @ApiResponse(responseCode = "400", description = "an id no product can have (a NUL character)"),
                @ApiResponse(responseCode = "401", description = "no or an invalid token"),
                @ApiResponse(responseCode = "404", description = "no such data product")
            })
    @GetMapping(value = "/data-products/{id}/lineage/drift", produces = MediaType.APPLICATION_JSON_VALUE)
    DriftReport drift(@PathVariable String id) {
        return DriftReport.of(drift.report(id));
    }

    @Operation(
            summary = "A data product's lineage",
            description = "The products within depth hops upstream, downstream or both (from is upstream of to),"
                    + " at most " + LineageService.MAX_NODES + " products, nearest first; truncated says more were"
                    + " left out. Nodes carry their depth (upstream negative) and kind: product, or team for a"
                    + " consumer team that reads a port through an approved agreement without naming a product."
                    + " Edges carry their kind: declared (an input port names the contract) or agreement (with"
                    + " agreementId, outputPort, outputPortVersion, contractVersion and provisioning) or observed"
                    + " (only seen in pipeline runs), and their provenance: declared, observed or both (one edge"
                    + " declared by the documents and seen in runs), with lastObservedAt when observed. provenance"
                    + " chooses which edges are followed. unresolved lists inputs that no product in the catalog"
                    + " provides.",
            responses = {
                @ApiResponse(responseCode = "200", description = "the lineage graph"),
                @ApiResponse(responseCode = "400", description = "bad direction, depth or provenance"),
                @ApiResponse(responseCode = "404", description = "no such data product")
            })
    @GetMapping(value = "/data-products/{id}/lineage", produces = MediaType.APPLICATION_JSON_VALUE)
    LineageGraph lineage(
            @PathVariable String id,
            @Parameter(schema = @Schema(allowableValues = {"upstream", "downstream", "both"}))
                    @RequestParam(defaultValue = "both")
                    String direction,
            @Parameter(description = "hops each way, 1 to " + LineageService.MAX_DEPTH)
                    @RequestParam(defaultValue = "1")
                    String depth,
            @Parameter(description = "whether approved agreements are consumers too (true, the default, or false)")
                    @RequestParam(defaultValue = "true")
                    String agreements,
            @Parameter(
                            description = "which edges are followed: all (declared and observed, the default),"
                                    + " declared or observed",
                            schema = @Schema(allowableValues = {"all", "declared", "observed"}))
                    @RequestParam(defaultValue = "all")
                    String provenance) {
        return lineage.lineage(
                id,
                direction(direction),
                number("depth", depth),
                LineageService.MAX_NODES,
                flag("agreements", agreements),
                provenance(provenance));
    }

    @Operation(
            summary = "Impact analysis: every product downstream",
            description = "Every product that derives from this one (or from one of its output ports), transitively,"
                    + " nearest first, with its depth, owning team, status, one shortest path and how its last hop"
                    + " reaches it (via: declared, agreement, or observed when only pipeline runs show it), and every"
                    + " approved agreement on a port of the product or of a product downstream (agreements, with the"
                    + " consumer team and product). Consumers observed in pipeline runs are included unless"
                    + " provenance=declared; the answer says which (provenance, includesObserved). JSON,"
                    + " or CSV with Accept: text/csv or format=csv (a row per product and per team reading"
                    + " through an agreement).",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "the impacted products",
                        content = {
                            @Content(
                                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                                    schema = @Schema(implementation = Impact.class)),
                            @Content(mediaType = Impact.CSV_MEDIA_TYPE, schema = @Schema(type = "string"))
                        }),
                @ApiResponse(responseCode = "400", description = "bad limit, format or provenance"),
                @ApiResponse(responseCode = "404", description = "no such data product or output port")
            })
    @GetMapping(
            value = "/data-products/{id}/impact",
            produces = {MediaType.APPLICATION_JSON_VALUE, Impact.CSV_MEDIA_TYPE})
    ResponseEntity<?> impact(
            @PathVariable String id,
            @Parameter(description = "an output port's name (all its versions) or name@version")
                    @RequestParam(required = false)
                    @Nullable
                    String port,
            @Parameter(description = "the most products listed, 1 to " + LineageService.MAX_IMPACTED)
                    @RequestParam(required = false)
                    @Nullable
                    String limit,
            @Parameter(description = "json or csv; overrides the Accept header")
                    @RequestParam(required = false)
                    @Nullable
                    String format,
            @Parameter(description = "whether approved agreements are consumers too (true, the default, or false)")
                    @RequestParam(defaultValue = "true")
                    String agreements,
            @Parameter(
                            description = "which consumers are followed: all (declared and observed in pipeline"
                                    + " runs, the default), declared or observed",
                            schema = @Schema(allowableValues = {"all", "declared", "observed"}))
                    @RequestParam(defaultValue = "all")
                    String provenance,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        boolean csv = csv(format, accept);
        Impact impact = lineage.impact(
                id,
                port,
                limit == null ? LineageService.MAX_IMPACTED : number("limit", limit),
                flag("agreements", agreements),
                provenance(provenance));
        if (!csv) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(impact);
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("impact-" + id + ".csv", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(impact.csv());
    }

    private static Direction direction(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "upstream" -> Direction.UPSTREAM;
            case "downstream" -> Direction.DOWNSTREAM;
            case "both" -> Direction.BOTH;
            default ->
                throw new InvalidDocumentException(
                        "Bad direction", "/direction", "direction must be upstream, downstream or both.");
        };
    }

    private static ProvenanceFilter provenance(String value) {
        return ProvenanceFilter.fromWire(value)
                .orElseThrow(() -> new InvalidDocumentException(
                        "Bad provenance",
                        "/provenance",
                        "provenance must be all, declared or observed, not '" + shown(value) + "'."));
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidDocumentException(
                    "Bad " + name, "/" + name, name + " must be a whole number, not '" + shown(value) + "'.");
        }
    }

    private static boolean flag(String name, String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default ->
                throw new InvalidDocumentException(
                        "Bad " + name, "/" + name, name + " must be true or false, not '" + shown(value) + "'.");
        };
    }

    /** A value as a message quotes it: a huge one is cut. */
    private static String shown(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    private static boolean csv(@Nullable String format, @Nullable String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw new InvalidDocumentException("Bad format", "/format", "format must be json or csv.");
            };
        }
        if (accept == null) {
            return false;
        }
        for (MediaType type : MediaType.parseMediaTypes(accept)) {
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
                return false;
            }
            if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
                return true;
            }
        }
        return false;
    }
}
