package io.meshport.catalog.api;

import io.meshport.catalog.CatalogService;
import io.meshport.catalog.ContractChange;
import io.meshport.catalog.ContractVersionSummary;
import io.meshport.catalog.DocumentFormat;
import io.meshport.catalog.ExportedDocument;
import io.meshport.catalog.NotInCatalogException;
import io.meshport.catalog.Published;
import io.meshport.system.BodyLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Data products (ODPS) and data contracts (ODCS) as documents, for pipelines that publish them
 * as code. Every call goes through {@link CatalogService}, which checks ownership.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Catalog", description = "Data products (ODPS v1.0.0, v0.9.0) and data contracts (ODCS v3)")
@SecurityRequirement(name = "bearer")
class CatalogApi {

    private static final String YAML = "application/yaml";
    /** ODPS and ODCS documents: far more than any real one needs. */
    static final String DOCUMENT_LIMIT = "${meshport.api.body-limit.documents:1MB}";

    private final CatalogService catalog;
    private final RequestDocuments requests;

    CatalogApi(CatalogService catalog, RequestDocuments requests) {
        this.catalog = catalog;
        this.requests = requests;
    }

    @Operation(
            summary = "Create or replace a data product",
            description = "Body: an ODPS document whose id equals the path's. The owning team is team.name, else the"
                    + " team parameter, else the current owner, else the caller's only team. The caller must be in"
                    + " the owning team (and, for a replace, in the current one), or in the admin group.",
            requestBody =
                    @RequestBody(
                            content = {
                                @Content(mediaType = "application/json", schema = @Schema(type = "object")),
                                @Content(mediaType = YAML, schema = @Schema(type = "string"))
                            }),
            responses = {
                @ApiResponse(responseCode = "201", description = "created"),
                @ApiResponse(responseCode = "200", description = "replaced"),
                @ApiResponse(
                        responseCode = "400",
                        description = "invalid document (a name over 200 characters, a version that is not"
                                + " semantic, another team's product name without allowDuplicateName=true, ...):"
                                + " a problem with errors[]"),
                @ApiResponse(responseCode = "403", description = "caller not in the owning team"),
                @ApiResponse(responseCode = "409", description = "stale If-Match: it names no current entity tag"),
                @ApiResponse(
                        responseCode = "412",
                        description =
                                "If-Match on a product that does not exist, or If-None-Match: * on one that" + " does"),
                @ApiResponse(responseCode = "413", description = "document over the size limit (1 MiB)")
            })
    @PutMapping("/data-products/{id}")
    @BodyLimit(DOCUMENT_LIMIT)
    ResponseEntity<String> putProduct(
            @PathVariable String id,
            @Parameter(description = "owning team when the document names none")
                    @RequestParam(required = false)
                    @Nullable
                    String team,
            @Parameter(
                            description = "publish although another team's product has the same name (ignoring"
                                    + " case); without it such a document is refused with 400 pointing at /name")
                    @RequestParam(defaultValue = "false")
                    boolean allowDuplicateName,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch,
            HttpServletRequest request)
            throws HttpMediaTypeNotSupportedException {
        DocumentFormat format = requests.format(contentType);
        Preconditions preconditions = Preconditions.of(ifMatch, ifNoneMatch);
        String body = requests.body(request);
        Long expected = preconditions.expectedRevision("Data product", id, () -> productRevision(id));
        Published published = catalog.publishProduct(id, body, format, team, expected, allowDuplicateName);
        return stored(published, "/api/v1/data-products/");
    }

    @Operation(summary = "A data product's ODPS document (JSON, or YAML with Accept: application/yaml)")
    @GetMapping(
            value = "/data-products/{id}",
            produces = {"application/json", YAML})
    ResponseEntity<String> getProduct(
            @PathVariable String id,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        ExportedDocument document = catalog.exportProduct(id, RequestDocuments.wanted(accept))
                .orElseThrow(() -> new NotInCatalogException("No data product '" + id + "'."));
        return document(document);
    }

    @Operation(
            summary = "Delete a data product",
            description = "Only a draft or proposed product that nothing consumes; otherwise 409.")
    @DeleteMapping("/data-products/{id}")
    ResponseEntity<Void> deleteProduct(
            @PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        Long expected = Preconditions.of(ifMatch, null).expectedRevision("Data product", id, () -> productRevision(id));
        catalog.deleteProduct(id, expected);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "Create or replace a data contract",
            description = "Body: an ODCS v3.0.x or v3.1.0 document; ownership as for products (ODCS 3.0.x has no"
                    + " team name: use the team parameter). If-Match and If-None-Match as for products. Every"
                    + " different document is kept as a version (see /versions); republishing a version replaces"
                    + " what that version holds. A breaking change (a removed or retyped property, a newly"
                    + " required one, a weakened or removed SLA, a changed primary key, ...) to a contract that"
                    + " other teams read needs a higher major version, or acknowledgeBreaking=true.",
            responses = {
                @ApiResponse(responseCode = "201", description = "created"),
                @ApiResponse(responseCode = "200", description = "replaced"),
                @ApiResponse(responseCode = "400", description = "invalid document: a problem with errors[]"),
                @ApiResponse(responseCode = "403", description = "caller not in the owning team"),
                @ApiResponse(
                        responseCode = "409",
                        description = "stale If-Match; or a breaking change to a contract with consumers under the"
                                + " same major version: a problem of type /problems/breaking-change with"
                                + " breakingChanges[], consumerTeams[] and nextMajorVersion"),
                @ApiResponse(responseCode = "413", description = "document over the size limit (1 MiB)")
            })
    @PutMapping("/data-contracts/{id}")
    @BodyLimit(DOCUMENT_LIMIT)
    ResponseEntity<String> putContract(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String team,
            @Parameter(
                            description = "publish a breaking change to a contract that other teams read without a"
                                    + " new major version; their teams are told either way")
                    @RequestParam(defaultValue = "false")
                    boolean acknowledgeBreaking,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch,
            HttpServletRequest request)
            throws HttpMediaTypeNotSupportedException {
        DocumentFormat format = requests.format(contentType);
        Preconditions preconditions = Preconditions.of(ifMatch, ifNoneMatch);
        String body = requests.body(request);
        Long expected = preconditions.expectedRevision("Data contract", id, () -> contractRevision(id));
        Published published = catalog.publishContract(id, body, format, team, expected, acknowledgeBreaking);
        return stored(published, "/api/v1/data-contracts/");
    }

    @Operation(
            summary = "A data contract's ODCS document (JSON, or YAML with Accept: application/yaml)",
            description = "The current version, or with version= the one published under that label.",
            responses = {
                @ApiResponse(responseCode = "200", description = "the document, with an ETag"),
                @ApiResponse(
                        responseCode = "400",
                        description = "version is empty, given twice, or not a semantic version"),
                @ApiResponse(responseCode = "404", description = "no such contract, or no such version of it")
            })
    @GetMapping(
            value = "/data-contracts/{id}",
            produces = {"application/json", YAML})
    ResponseEntity<String> getContract(
            @PathVariable String id,
            @Parameter(description = "a published version (see /versions), e.g. 1.2.0")
                    @RequestParam(name = "version", required = false)
                    @Nullable
                    String version,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
            HttpServletRequest request) {
        DocumentFormat format = RequestDocuments.wanted(accept);
        // Read as sent: the bound parameter joins repeated values with commas.
        String[] versions = request.getParameterValues("version");
        if (version == null || versions == null) {
            return document(catalog.exportContract(id, format)
                    .orElseThrow(() -> new NotInCatalogException("No data contract '" + id + "'.")));
        }
        String wanted = ContractVersionParameter.single(List.of(versions));
        ExportedDocument document = catalog.exportContract(id, wanted, format).orElseThrow(() -> {
            if (catalog.exportContract(id, DocumentFormat.JSON).isEmpty()) {
                return new NotInCatalogException("No data contract '" + id + "'.");
            }
            return new NotInCatalogException("Data contract '" + id + "' has no version '" + wanted
                    + "': see /api/v1/data-contracts/" + id + "/versions.");
        });
        return document(document);
    }

    @Operation(
            summary = "Every published version of a data contract, the latest first",
            description = "Each with who published it and when, whether it breaks what the version before it"
                    + " promised, and its semantic changes from that version.",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "[{version, publishedAt, publishedBy, breaking, changes: [{kind, path,"
                                + " before, after, breaking, line}]}]"),
                @ApiResponse(responseCode = "404", description = "no such contract")
            })
    @GetMapping(value = "/data-contracts/{id}/versions", produces = "application/json")
    List<VersionView> contractVersions(@PathVariable String id) {
        List<ContractVersionSummary> versions = catalog.contractVersions(id);
        if (versions.isEmpty()) {
            throw new NotInCatalogException("No data contract '" + id + "'.");
        }
        return versions.stream().map(VersionView::of).toList();
    }

    /** A version as the API shows it; each change with its one-line form. */
    record VersionView(
            String version, Instant publishedAt, String publishedBy, boolean breaking, List<ChangeView> changes) {

        static VersionView of(ContractVersionSummary summary) {
            return new VersionView(
                    summary.version(),
                    summary.publishedAt(),
                    summary.publishedBy(),
                    summary.breaking(),
                    summary.changes().stream().map(ChangeView::of).toList());
        }
    }

    record ChangeView(
            ContractChange.Kind kind,
            String path,
            @Nullable String before,
            @Nullable String after,
            boolean breaking,
            String line) {

        static ChangeView of(ContractChange change) {
            return new ChangeView(
                    change.kind(), change.path(), change.before(), change.after(), change.breaking(), change.line());
        }
    }

    private Optional<Long> productRevision(String id) {
        return catalog.exportProduct(id, DocumentFormat.JSON).map(ExportedDocument::revision);
    }

    private Optional<Long> contractRevision(String id) {
        return catalog.exportContract(id, DocumentFormat.JSON).map(ExportedDocument::revision);
    }

    private static ResponseEntity<String> stored(Published published, String base) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(
                        published.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .eTag(RequestDocuments.etag(published.revision()));
        if (published.created()) {
            // Built so that no id can make it throw: the document is stored by now.
            response.location(org.springframework.web.util.UriComponentsBuilder.fromPath(base)
                    .path("{id}")
                    .buildAndExpand(published.id())
                    .encode()
                    .toUri());
        }
        return response.contentType(MediaType.APPLICATION_JSON)
                .body("{\"id\":" + quote(published.id()) + ",\"revision\":" + published.revision() + "}");
    }

    private static ResponseEntity<String> document(ExportedDocument document) {
        return ResponseEntity.ok()
                .eTag(RequestDocuments.etag(document.revision()))
                .contentType(MediaType.parseMediaType(document.format().mediaType() + ";charset=UTF-8"))
                .body(document.content());
    }

    private static String quote(String text) {
        return tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(text);
    }
}
